package org.cairn.console.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConfigurationForm;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.api.swt.AccessibleNames;
import org.cairn.console.api.swt.ConfigurationPage;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The configuration step of a snap-in, shown when it is added: a {@link ConfigurationForm} laid out here, or a
 * {@link ConfigurationPage} the snap-in draws. Finish gives the settings.
 */
public final class ConfigurationDialog extends TitleAreaDialog {

    private final SnapInConfiguration configuration;
    private final Messages messages;
    private final Map<String, Runnable> refreshers = new HashMap<>();
    private final Map<String, Control[]> fieldControls = new HashMap<>();
    private final Map<String, java.util.function.Supplier<String>> values = new LinkedHashMap<>();
    private boolean pageComplete = true;
    private Map<String, String> settings = Map.of();

    /**
     * @param parent        the parent shell
     * @param messages      texts
     * @param configuration the snap-in's configuration step
     */
    public ConfigurationDialog(Shell parent, Messages messages, SnapInConfiguration configuration) {
        super(parent);
        this.messages = messages;
        this.configuration = configuration;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(configuration.title());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(configuration.title());
        setMessage(configuration.description());
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        switch (configuration) {
            case ConfigurationForm form -> createForm(body, form);
            case ConfigurationPage page -> {
                body.setLayout(new FillLayout());
                page.createControls(body, (complete, problem) -> {
                    pageComplete = complete;
                    setErrorMessage(problem.orElse(null));
                    updateFinish();
                });
            }
            default -> {
                body.setLayout(new FillLayout());
                new Label(body, SWT.WRAP).setText(messages.configuration_unknown);
                pageComplete = true;
            }
        }
        return area;
    }

    private void createForm(Composite body, ConfigurationForm form) {
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        for (ConfigurationForm.Field field : form.fields()) {
            switch (field) {
                case ConfigurationForm.Choice choice -> {
                    Group group = new Group(body, SWT.NONE);
                    group.setText(choice.label());
                    GridLayoutFactory.swtDefaults().applyTo(group);
                    GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(group);
                    List<Button> buttons = new ArrayList<>();
                    for (ConfigurationForm.Option option : choice.options()) {
                        Button radio = new Button(group, SWT.RADIO);
                        radio.setText(option.label());
                        radio.setData(option.value());
                        radio.setSelection(option.value().equals(choice.initialValue()));
                        radio.addListener(SWT.Selection, event -> changed());
                        buttons.add(radio);
                    }
                    values.put(choice.key(), () -> buttons.stream().filter(Button::getSelection)
                            .map(b -> (String) b.getData()).findFirst().orElse(choice.initialValue()));
                    List<Control> controls = new ArrayList<>(buttons);
                    controls.add(group);
                    fieldControls.put(choice.key(), controls.toArray(Control[]::new));
                }
                case ConfigurationForm.Text text -> {
                    Label label = new Label(body, SWT.NONE);
                    label.setText(text.label());
                    Text input = AccessibleNames.labelledBy(label, new Text(body, SWT.BORDER | SWT.SINGLE));
                    input.setText(text.initialValue());
                    GridDataFactory.fillDefaults().grab(true, false)
                            .hint(convertWidthInCharsToPixels(40), SWT.DEFAULT).applyTo(input);
                    input.addListener(SWT.Modify, event -> changed());
                    values.put(text.key(), input::getText);
                    fieldControls.put(text.key(), new Control[] { label, input });
                }
            }
            refreshers.put(field.key(), () -> {
                boolean enabled = enabled(field);
                for (Control control : fieldControls.get(field.key())) {
                    control.setEnabled(enabled);
                }
            });
        }
    }

    private boolean enabled(ConfigurationForm.Field field) {
        return field.enabledWhen().map(condition -> {
            var value = values.get(condition.key());
            return value != null && condition.value().equals(value.get());
        }).orElse(true);
    }

    private Map<String, String> formSettings(ConfigurationForm form) {
        Map<String, String> collected = new LinkedHashMap<>();
        for (ConfigurationForm.Field field : form.fields()) {
            if (enabled(field)) {
                collected.put(field.key(), values.get(field.key()).get());
            }
        }
        return collected;
    }

    private void changed() {
        refreshers.values().forEach(Runnable::run);
        if (configuration instanceof ConfigurationForm form) {
            Optional<String> problem = form.validate(formSettings(form));
            pageComplete = problem.isEmpty();
            setErrorMessage(problem.orElse(null));
        }
        updateFinish();
    }

    private void updateFinish() {
        Button finish = getButton(IDialogConstants.OK_ID);
        if (finish != null) {
            finish.setEnabled(pageComplete);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.configuration_finish, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        changed();
    }

    @Override
    protected void okPressed() {
        settings = switch (configuration) {
            case ConfigurationForm form -> formSettings(form);
            case ConfigurationPage page -> Map.copyOf(page.settings());
            default -> Map.of();
        };
        super.okPressed();
    }

    /** @return the settings chosen, after Finish */
    public Map<String, String> settings() {
        return settings;
    }
}
