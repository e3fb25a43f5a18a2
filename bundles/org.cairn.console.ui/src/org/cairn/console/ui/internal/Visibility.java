package org.cairn.console.ui.internal;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.e4.core.commands.ExpressionContext;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Evaluate;
import org.eclipse.e4.core.services.contributions.IContributionFactory;
import org.eclipse.e4.ui.model.application.ui.MCoreExpression;
import org.eclipse.e4.ui.model.application.ui.MExpression;
import org.eclipse.e4.ui.model.application.ui.MImperativeExpression;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Evaluates the {@code visibleWhen} of menu elements the way the e4 menu renderer does, for the host's own
 * menus that mirror the Action menu (context menus, the All Tasks placeholder).
 */
public final class Visibility {

    private Visibility() {
    }

    /** @return whether {@code element} is to be rendered and its {@code visibleWhen} holds in {@code context} */
    public static boolean isVisible(MUIElement element, IEclipseContext context) {
        if (!element.isToBeRendered()) {
            return false;
        }
        MExpression expression = element.getVisibleWhen();
        if (expression == null) {
            return true;
        }
        if (expression instanceof MCoreExpression core) {
            Expression compiled = core.getCoreExpression() instanceof Expression e ? e
                    : reference(core.getCoreExpressionId());
            try {
                // As the e4 menus treat it: only a definite TRUE shows the element (an undefined variable does not).
                return compiled != null
                        && compiled.evaluate(new ExpressionContext(context)) == EvaluationResult.TRUE;
            } catch (CoreException e) {
                return false;
            }
        }
        if (expression instanceof MImperativeExpression imperative) {
            Object evaluator = imperative.getObject();
            if (evaluator == null) {
                IContributionFactory factory = context.get(IContributionFactory.class);
                evaluator = factory.create(imperative.getContributionURI(), context);
                imperative.setObject(evaluator);
            }
            return Boolean.TRUE.equals(ContextInjectionFactory.invoke(evaluator, Evaluate.class, context, Boolean.FALSE));
        }
        return true;
    }

    /** A {@code <reference definitionId="..."/>} to an {@code org.eclipse.core.expressions.definitions} entry. */
    private static Expression reference(String definitionId) {
        if (definitionId == null || definitionId.isBlank()) {
            return null;
        }
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element enablement = xml.createElement("enablement");
            Element reference = xml.createElement("reference");
            reference.setAttribute("definitionId", definitionId);
            enablement.appendChild(reference);
            return ExpressionConverter.getDefault().perform(enablement);
        } catch (ParserConfigurationException | CoreException e) {
            return null;
        }
    }
}
