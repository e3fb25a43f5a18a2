package org.cairn.console.p2;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.equinox.internal.p2.garbagecollector.GarbageCollector;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The snap-in operations on one installation's p2 profile: a snap-in is a feature installed as a root of the
 * profile, with the repository it came from recorded on it. Every change goes through p2's planner (which names a
 * missing requirement) and engine (which checks signatures with {@link CommandLineTrust} and rolls the profile back
 * when a phase fails), so a refused or failed change leaves the installation as it was.
 */
public final class Snapins {
    /** Profile property of an installed snap-in's feature: the repository it was installed from. */
    static final String ORIGIN = "org.cairn.snapin.origin";
    private static final String ROOT = "org.eclipse.equinox.p2.type.root";
    private static final String GROUP = ".feature.group";

    /** An installed feature: id without p2's ".feature.group", version, origin (null when it came with Cairn). */
    public record Installed(String id, Version version, String origin) {
    }

    private final IProvisioningAgent agent;
    private final String profileId;
    private final CommandLineTrust trust;
    private final BundleContext framework;

    Snapins(IProvisioningAgent agent, String profileId, CommandLineTrust trust, BundleContext framework) {
        this.framework = framework;
        this.agent = agent;
        this.profileId = profileId;
        this.trust = trust;
    }

    /** Installed snap-ins first, then the features that came with Cairn, each sorted by id. */
    public List<Installed> list() throws SnapinException {
        IProfile profile = profile();
        List<Installed> result = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null)) {
            if (!iu.getId().endsWith(GROUP)) {
                continue;
            }
            String origin = profile.getInstallableUnitProperty(iu, ORIGIN);
            result.add(new Installed(featureId(iu), iu.getVersion(), origin));
        }
        result.sort(Comparator.comparing((Installed i) -> i.origin() == null).thenComparing(Installed::id));
        return result;
    }

    public Installed install(URI repository, String featureId, IProgressMonitor monitor) throws SnapinException {
        IProfile profile = profile();
        String iuId = featureId + GROUP;
        if (!profile.query(QueryUtil.createIUQuery(iuId), null).isEmpty()) {
            throw new SnapinException(featureId + " is already installed. Use `cairn snapin update " + featureId
                    + "` for a newer version, or `cairn snapin uninstall " + featureId + "` first.");
        }
        return withRepository(repository, monitor, metadata -> {
            IInstallableUnit iu = latest(metadata, iuId, monitor).orElseThrow(() -> new SnapinException(
                    "The repository " + repository + " has no feature " + featureId + ". Features it offers: "
                            + String.join(", ", features(metadata, monitor)) + "."));
            IPlanner planner = agent.getService(IPlanner.class);
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            request.add(iu);
            request.setInstallableUnitProfileProperty(iu, ROOT, Boolean.TRUE.toString());
            request.setInstallableUnitProfileProperty(iu, ORIGIN, repository.toString());
            perform(request, List.of(repository), "install " + featureId, monitor);
            return new Installed(featureId, iu.getVersion(), repository.toString());
        });
    }

    /** Updates one snap-in (or all when featureId is null) from its origin; returns those that changed. */
    public List<Installed> update(String featureId, IProgressMonitor monitor) throws SnapinException {
        List<Installed> targets = new ArrayList<>();
        for (Installed installed : list()) {
            if (installed.origin() != null && (featureId == null || featureId.equals(installed.id()))) {
                targets.add(installed);
            }
        }
        if (featureId != null && targets.isEmpty()) {
            throw notInstalled(featureId);
        }
        List<Installed> updated = new ArrayList<>();
        for (Installed installed : targets) {
            URI origin = URI.create(installed.origin());
            Installed result = withRepository(origin, monitor, metadata -> {
                IInstallableUnit newest = latest(metadata, installed.id() + GROUP, monitor).orElse(null);
                if (newest == null || newest.getVersion().compareTo(installed.version()) <= 0) {
                    return null;
                }
                IProfile profile = profile();
                IInstallableUnit current = profile
                        .query(QueryUtil.createIUQuery(installed.id() + GROUP, installed.version()), null).iterator()
                        .next();
                IPlanner planner = agent.getService(IPlanner.class);
                IProfileChangeRequest request = planner.createChangeRequest(profile);
                request.remove(current);
                request.add(newest);
                request.setInstallableUnitProfileProperty(newest, ROOT, Boolean.TRUE.toString());
                request.setInstallableUnitProfileProperty(newest, ORIGIN, installed.origin());
                perform(request, List.of(origin), "update " + installed.id(), monitor);
                return new Installed(installed.id(), newest.getVersion(), installed.origin());
            });
            if (result != null) {
                updated.add(result);
            }
        }
        return updated;
    }

    public Installed uninstall(String featureId, IProgressMonitor monitor) throws SnapinException {
        IProfile profile = profile();
        IQueryResult<IInstallableUnit> found = profile.query(QueryUtil.createIUQuery(featureId + GROUP), null);
        if (found.isEmpty()) {
            throw notInstalled(featureId);
        }
        IInstallableUnit iu = found.iterator().next();
        String origin = profile.getInstallableUnitProperty(iu, ORIGIN);
        if (origin == null || !UserVisibleRootQuery.isUserVisible(iu, profile)) {
            throw new SnapinException(featureId + " came with Cairn and cannot be removed on its own; only snap-ins "
                    + "installed with `cairn snapin install` can be. See `cairn snapin list`.");
        }
        IPlanner planner = agent.getService(IPlanner.class);
        IProfileChangeRequest request = planner.createChangeRequest(profile);
        request.remove(iu);
        perform(request, List.of(), "uninstall " + featureId, monitor);
        return new Installed(featureId, iu.getVersion(), origin);
    }

    private void perform(IProfileChangeRequest request, List<URI> repositories, String what,
            IProgressMonitor monitor) throws SnapinException {
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories(repositories.toArray(URI[]::new));
        context.setArtifactRepositories(repositories.toArray(URI[]::new));
        IPlanner planner = agent.getService(IPlanner.class);
        IProvisioningPlan plan = planner.getProvisioningPlan(request, context, monitor);
        if (plan.getStatus().getSeverity() >= IStatus.ERROR) {
            throw new SnapinException("Cannot " + what + "; nothing was changed.\n" + describe(plan.getStatus()));
        }
        IEngine engine = agent.getService(IEngine.class);
        IStatus status = engine.perform(plan, PhaseSetFactory.createDefaultPhaseSet(), monitor);
        if (status.getSeverity() >= IStatus.ERROR) {
            // p2 rolled the profile back; the files its collect phase had already copied are removed too
            collectGarbage();
            StringBuilder message = new StringBuilder("Cannot " + what + "; nothing was changed.\n");
            if (!trust.refusedUnsigned().isEmpty()) {
                message.append("Unsigned content (sign it, or run again with --trust-unsigned if you trust where it "
                        + "comes from):\n");
                trust.refusedUnsigned().forEach(a -> message.append("  ").append(a).append('\n'));
            }
            if (!trust.refusedSigners().isEmpty()) {
                message.append("Signed by a publisher that is not trusted (name its certificate with "
                        + "--trust-signer FILE):\n");
                trust.refusedSigners().forEach(a -> message.append("  ").append(a).append('\n'));
            }
            message.append(describe(status));
            throw new SnapinException(message.toString().strip());
        }
        // This command runs in the installation it changes, so its framework has the bundles of a snap-in being
        // removed or replaced installed (from bundles.info as it was at start), and p2's garbage collector keeps the
        // files of running bundles. They are uninstalled from this short-lived framework (not started, never used
        // here), so that their files go now.
        for (IInstallableUnit removed : plan.getRemovals().query(QueryUtil.createIUAnyQuery(), null)) {
            for (Bundle bundle : framework.getBundles()) {
                if (removed.getId().equals(bundle.getSymbolicName())
                        && removed.getVersion().equals(Version.create(bundle.getVersion().toString()))) {
                    try {
                        bundle.uninstall();
                    } catch (BundleException e) {
                        // its files then stay until the next command's garbage collection: nothing is lost
                    }
                }
            }
        }
        collectGarbage();
    }

    /** Deletes the plug-ins and features no profile uses any more from the installation's plugins/ and features/. */
    private void collectGarbage() throws SnapinException {
        GarbageCollector collector = agent.getService(GarbageCollector.class);
        if (collector != null) {
            collector.runGC(profile());
        }
    }

    private interface RepositoryWork<T> {
        T run(IMetadataRepository metadata) throws SnapinException;
    }

    /** Loads a repository for one piece of work; a repository the installation did not know is forgotten after. */
    private <T> T withRepository(URI repository, IProgressMonitor monitor, RepositoryWork<T> work)
            throws SnapinException {
        IMetadataRepositoryManager metadataManager = agent.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifactManager = agent.getService(IArtifactRepositoryManager.class);
        boolean knownMetadata = metadataManager.contains(repository);
        boolean knownArtifacts = artifactManager.contains(repository);
        try {
            IMetadataRepository metadata = metadataManager.loadRepository(repository, monitor);
            artifactManager.loadRepository(repository, monitor);
            return work.run(metadata);
        } catch (ProvisionException e) {
            Optional<Throwable> tls = untrustedServer(e.getStatus(), e);
            if (tls.isPresent()) {
                throw new SnapinException("Cannot read the repository " + repository
                        + ": the server's certificate is not trusted (" + tls.get().getMessage() + ")."
                        + "\nIf you trust this server, put its CA certificate in a trust store and name it to Java: "
                        + "CAIRN_VM_ARGS=\"-Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD\" "
                        + "cairn snapin install ...", e);
            }
            throw new SnapinException("Cannot read the repository " + repository + ": " + e.getMessage()
                    + "\nCheck that it is a p2 repository (a folder or archive with content.jar or content.xml, "
                    + "or the address of an update site).", e);
        } finally {
            if (!knownMetadata) {
                metadataManager.removeRepository(repository);
            }
            if (!knownArtifacts) {
                artifactManager.removeRepository(repository);
            }
        }
    }

    private static Optional<IInstallableUnit> latest(IMetadataRepository metadata, String iuId,
            IProgressMonitor monitor) {
        IQueryResult<IInstallableUnit> result = metadata
                .query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(iuId)), monitor);
        return result.isEmpty() ? Optional.empty() : Optional.of(result.iterator().next());
    }

    private static List<String> features(IMetadataRepository metadata, IProgressMonitor monitor) {
        List<String> ids = new ArrayList<>();
        for (IInstallableUnit iu : metadata.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()),
                monitor)) {
            if (iu.getId().endsWith(GROUP)) {
                ids.add(featureId(iu));
            }
        }
        ids.sort(null);
        return ids.isEmpty() ? List.of("(none)") : ids;
    }

    private SnapinException notInstalled(String featureId) {
        return new SnapinException(featureId + " is not installed. `cairn snapin list` shows what is.");
    }

    private IProfile profile() throws SnapinException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(profileId);
        if (profile == null) {
            throw new SnapinException("This installation has no p2 profile " + profileId
                    + ", so snap-ins cannot be installed into it. Install Cairn from its release archive.");
        }
        return profile;
    }

    private static String featureId(IInstallableUnit iu) {
        return iu.getId().substring(0, iu.getId().length() - GROUP.length());
    }

    /** The status and its children, one message a line (the planner's explanation names a missing requirement). */
    /**
     * @return the TLS failure (a server certificate no trusted CA issued) among the causes of a failed read, if that
     *         is why it failed; p2 and ECF wrap it in statuses and exceptions of their own
     */
    static Optional<Throwable> untrustedServer(IStatus status, Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        List<Object> pending = new ArrayList<>(List.of(status, thrown));
        while (!pending.isEmpty() && seen.size() < 100) {
            Object next = pending.remove(0);
            if (next instanceof IStatus s) {
                if (s.getException() != null) {
                    pending.add(s.getException());
                }
                pending.addAll(List.of(s.getChildren()));
            } else if (next instanceof Throwable t && !seen.contains(t)) {
                seen.add(t);
                if (t instanceof javax.net.ssl.SSLHandshakeException
                        || t instanceof java.security.cert.CertPathValidatorException
                        || t instanceof java.security.cert.CertificateException) {
                    return Optional.of(t);
                }
                if (t instanceof ProvisionException p) {
                    pending.add(p.getStatus());
                }
                if (t.getCause() != null) {
                    pending.add(t.getCause());
                }
            }
        }
        return Optional.empty();
    }

    static String describe(IStatus status) {
        StringBuilder text = new StringBuilder();
        describe(status, "", text);
        return text.toString().stripTrailing();
    }

    private static void describe(IStatus status, String indent, StringBuilder text) {
        if (status.getMessage() != null && !status.getMessage().isBlank()) {
            text.append(indent).append(status.getMessage()).append('\n');
        }
        if (status.getException() != null && status.getException().getMessage() != null) {
            text.append(indent).append("  ").append(status.getException().getMessage()).append('\n');
        }
        if (status instanceof MultiStatus || status.isMultiStatus()) {
            for (IStatus child : status.getChildren()) {
                describe(child, indent + "  ", text);
            }
        }
    }
}
