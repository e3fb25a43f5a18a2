package org.cairn.certificates.cli;

import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cairn cert ...} as a service, for Cairn's own launcher ({@code org.cairn.launcher}), which starts the
 * framework without the Eclipse application container: it calls the service whose {@code cairn.command} is
 * {@code org.cairn.certificates.cli.cert} with the arguments and exits with the status it returns. The type is the
 * JDK's, so that neither side depends on the other. The streams and environment are the process's.
 */
@Component(service = ToIntFunction.class, property = "cairn.command=org.cairn.certificates.cli.cert")
public final class CertCommandService implements ToIntFunction<String[]> {

    private final BundleContext bundles;

    /**
     * @param bundles this bundle's context, where the certificate services are looked up
     */
    @Activate
    public CertCommandService(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public int applyAsInt(String[] args) {
        return new CertRun(bundles, System.in, System.out, System.err, System.getenv()).run(args);
    }
}
