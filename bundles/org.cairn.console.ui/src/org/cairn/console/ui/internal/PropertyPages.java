package org.cairn.console.ui.internal;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;

/**
 * The Properties dialog pages other bundles contribute to a node or item type (MMC's property sheet extensions):
 * part descriptors of the application model tagged {@link ConsoleIds#PROPERTY_PAGE_TAG} and with the type.
 */
public final class PropertyPages {

    private PropertyPages() {
    }

    /** @return the pages for nodes of {@code nodeType}, in model order */
    public static List<MPartDescriptor> forNode(MApplication application, String nodeType) {
        return find(application, ConsoleIds.NODE_TYPE_TAG_PREFIX + nodeType);
    }

    /** @return the pages for an item of {@code itemType}, in model order */
    public static List<MPartDescriptor> forItem(MApplication application, String itemType) {
        return find(application, ConsoleIds.ITEM_TYPE_TAG_PREFIX + itemType);
    }

    private static List<MPartDescriptor> find(MApplication application, String typeTag) {
        if (application == null) {
            return List.of();
        }
        return application.getDescriptors().stream()
                .filter(d -> d.getTags().contains(ConsoleIds.PROPERTY_PAGE_TAG) && d.getTags().contains(typeTag)
                        && d.getContributionURI() != null)
                .toList();
    }
}
