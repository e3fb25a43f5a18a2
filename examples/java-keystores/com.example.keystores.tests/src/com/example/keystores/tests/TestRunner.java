package com.example.keystores.tests;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Runs {@link KeystoresUiTest} inside the console when it is started with
 * {@code -Dcom.example.keystores.tests.report=FILE} (through {@code CAIRN_VM_ARGS}), on a thread of its own as
 * SWTBot-style tests run, and writes JUnit's summary to FILE, its last line {@code RESULT: PASSED} or
 * {@code RESULT: FAILED}. Without the property it does nothing, so installing this bundle changes nothing else.
 * <p>
 * The JUnit Platform launcher is given the Jupiter engine directly instead of finding engines with
 * {@link java.util.ServiceLoader}, which does not see other bundles' {@code META-INF/services} in OSGi.
 */
@Component(immediate = true)
public final class TestRunner {

    static final String REPORT = "com.example.keystores.tests.report";

    @Activate
    void activate() {
        String report = System.getProperty(REPORT);
        if (report == null || report.isBlank()) {
            return;
        }
        Thread thread = new Thread(() -> run(Path.of(report)), "Java Keystores UI test");
        thread.setDaemon(true);
        thread.setContextClassLoader(TestRunner.class.getClassLoader());
        thread.start();
    }

    private static void run(Path report) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        boolean passed = false;
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine()).build());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(KeystoresUiTest.class)).build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            TestExecutionSummary summary = listener.getSummary();
            summary.printTo(out);
            summary.printFailuresTo(out, 50);
            passed = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0
                    && summary.getTestsSucceededCount() == summary.getTestsFoundCount();
        } catch (Throwable e) {
            out.println("The tests could not be run:");
            e.printStackTrace(out);
        }
        out.println(passed ? "RESULT: PASSED" : "RESULT: FAILED");
        out.flush();
        try {
            // Written whole, then renamed: whoever waits for the file never reads half of it
            Path partial = report.resolveSibling(report.getFileName() + ".part");
            Files.writeString(partial, text.toString());
            Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Cannot write the test report " + report + ": " + e);
            System.err.println(text);
        }
    }
}
