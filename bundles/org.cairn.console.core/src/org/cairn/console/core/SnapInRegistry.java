package org.cairn.console.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cairn.console.api.SnapIn;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The snap-ins installed: every {@link SnapIn} service, followed as bundles come and go, so that the Add/Remove
 * Snap-in dialog and the About box show them without a restart. The console reaches it through e4 injection.
 */
@Component(service = SnapInRegistry.class)
public final class SnapInRegistry {

    private final List<SnapIn> snapIns = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Called by Declarative Services when a snap-in is registered. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSnapIn(SnapIn snapIn) {
        snapIns.add(snapIn);
        changed();
    }

    /** Called by Declarative Services when a snap-in goes away. */
    void removeSnapIn(SnapIn snapIn) {
        snapIns.remove(snapIn);
        changed();
    }

    /** @return the installed snap-ins, by name */
    public List<SnapIn> snapIns() {
        List<SnapIn> sorted = new ArrayList<>(snapIns);
        sorted.sort(Comparator.comparing(SnapIn::name, String.CASE_INSENSITIVE_ORDER).thenComparing(SnapIn::id));
        return List.copyOf(sorted);
    }

    /** @return the installed snap-in with that id */
    public Optional<SnapIn> find(String id) {
        return snapIns.stream().filter(snapIn -> snapIn.id().equals(id)).findFirst();
    }

    /**
     * Registers a listener called, on any thread, after a snap-in came or went.
     *
     * @return the listener, to pass to {@link #removeListener(Runnable)}
     */
    public Runnable addListener(Runnable listener) {
        listeners.add(listener);
        return listener;
    }

    /** Removes a listener added with {@link #addListener(Runnable)}. */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
