package org.cairn.console.testsnapin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ResultView;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.api.SnapInRoot;
import org.cairn.console.api.swt.ConfigurationPage;
import org.cairn.console.api.swt.ConfigurationSite;
import org.cairn.console.api.swt.CustomView;
import org.cairn.console.api.swt.ViewSite;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.component.annotations.Component;

/** A snap-in for the tests whose node draws its own details pane with SWT and publishes a selection from it. */
@Component(service = SnapIn.class)
public final class CanvasSnapIn implements SnapIn {

    private static final String CAPTION = "caption";

    @Override
    public String id() {
        return "org.cairn.console.testsnapin.canvas";
    }

    @Override
    public String name() {
        return "Test Canvas";
    }

    @Override
    public String vendor() {
        return "Cairn Tests";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Draws its own view; for the console's tests.";
    }

    @Override
    public Optional<SnapInConfiguration> configuration() {
        return Optional.of(new CaptionPage());
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) {
        String caption = settings.getOrDefault(CAPTION, "Canvas");
        return new SnapInRoot() {
            @Override
            public String label() {
                return caption;
            }

            @Override
            public String nodeTypeId() {
                return "org.cairn.console.testsnapin.node.canvas";
            }

            @Override
            public Map<String, String> settings() {
                return Map.of(CAPTION, caption);
            }

            @Override
            public Optional<ResultView> resultView() {
                return Optional.of(new Canvas());
            }
        };
    }

    /** A configuration step the snap-in draws itself: a caption, required. */
    private static final class CaptionPage implements ConfigurationPage {
        private Text caption;

        @Override
        public String title() {
            return "Canvas Setup";
        }

        @Override
        public String description() {
            return "Type the caption of the canvas.";
        }

        @Override
        public void createControls(Composite parent, ConfigurationSite site) {
            Composite body = new Composite(parent, SWT.NONE);
            body.setLayout(new RowLayout(SWT.VERTICAL));
            new Label(body, SWT.NONE).setText("Caption:");
            caption = new Text(body, SWT.BORDER);
            caption.addListener(SWT.Modify, event -> site.setComplete(!caption.getText().isBlank(),
                    caption.getText().isBlank() ? Optional.of("Type a caption.") : Optional.empty()));
            site.setComplete(false, Optional.empty());
        }

        @Override
        public Map<String, String> settings() {
            return Map.of(CAPTION, caption.getText().strip());
        }
    }

    /** A label and a button that selects note 2, as a chart would select what was clicked. */
    private static final class Canvas implements CustomView {
        private Button pick;

        @Override
        public void createControls(Composite parent, ViewSite site) {
            Composite body = new Composite(parent, SWT.NONE);
            body.setLayout(new RowLayout(SWT.VERTICAL));
            new Label(body, SWT.NONE).setText("Drawn by the Test Canvas snap-in");
            pick = new Button(body, SWT.PUSH);
            pick.setText("Pick Note 2");
            pick.addListener(SWT.Selection, event -> site.setSelectedItems(List.of(new NotesRoot.Note(2))));
        }

        @Override
        public void setFocus() {
            pick.setFocus();
        }
    }
}
