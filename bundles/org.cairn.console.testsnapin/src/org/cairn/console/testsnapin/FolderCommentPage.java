package org.cairn.console.testsnapin;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A page of the Folder snap-in's Properties dialog contributed by this bundle (a property sheet extension, through
 * fragment.e4xmi): a comment on the folder, kept by this bundle ({@link FolderComments}).
 */
public final class FolderCommentPage {

    private final ConsoleNode folder;
    private Text comment;

    @Inject
    public FolderCommentPage(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode folder) {
        this.folder = folder;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        new Label(page, SWT.NONE).setText("Comment:");
        comment = new Text(page, SWT.BORDER);
        comment.setText(FolderComments.read(folder.key()));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(comment);
    }

    /** OK or Apply: keeps the comment. */
    @Persist
    public void save() throws ConsoleException {
        if (comment.getText().contains("\n")) {
            throw new ConsoleException("A comment is one line.");
        }
        FolderComments.write(folder.key(), comment.getText());
    }
}
