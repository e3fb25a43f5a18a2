/**
 * UI test support: drives SWT from the test thread the way SWTBot does, with SWTBot's names, so that a
 * later move to SWTBot is mostly a change of imports.
 *
 * <pre>{@code
 * SWTBot bot = new SWTBot();                       // the running display (Tycho UI harness)
 * bot.shell("Cairn - [Console Root]").activate();
 * bot.menu("Action").menu("All Tasks").menu("Export...").click();
 * SWTBot wizard = bot.shell("Export").bot();
 * wizard.textWithLabel("Password:").typeText("secret");
 * wizard.button("Next >").click();
 * bot.waitUntil(Conditions.shellCloses(bot.shell("Export")));
 * }</pre>
 *
 * Everything touches widgets through {@link org.cairn.testing.ui.UIThreadRunnable}; clicks are posted
 * so that one opening a modal dialog does not block the test. Finds and waits last
 * {@link org.cairn.testing.ui.SWTBot#defaultTimeout()} (system property {@code cairn.bot.timeout}) and
 * fail with messages listing what was on screen. {@link org.cairn.testing.ui.ScreenshotOnFailure} saves
 * the screen of failing tests under {@code target/screenshots/}. Outside the application, run the
 * display with {@link org.cairn.testing.ui.DisplayThread}.
 */
package org.cairn.testing.ui;
