package org.cairn.console.api;

/**
 * What the details pane shows for a node. The host knows three kinds, and a fourth that loads one of them:
 * <ul>
 * <li>{@link ListView}: columns and rows, rendered by the host (sortable, a virtual table for large lists,
 * columns the user can customize, Export List...);</li>
 * <li>{@link MessageView}: a line of text in place of a list;</li>
 * <li>{@code org.cairn.console.api.swt.CustomView}: a view the snap-in draws itself with SWT;</li>
 * <li>{@link BackgroundView} (since 1.2): one of those three, read on a background thread while the details pane
 * says "Reading...", for contents that take time to read.</li>
 * </ul>
 * A node that returns no view shows its children as a list with a Name column. Implement one of these
 * sub-types; the host shows a message for any other.
 */
public interface ResultView {
}
