package org.cairn.console.api.swt;

import java.util.Optional;

/** What the host gives a {@link ConfigurationPage}: a way to say whether the user may finish. */
public interface ConfigurationSite {

    /**
     * @param complete whether the page's values are acceptable
     * @param problem  what is wrong, shown at the top of the page; empty when nothing is
     */
    void setComplete(boolean complete, Optional<String> problem);
}
