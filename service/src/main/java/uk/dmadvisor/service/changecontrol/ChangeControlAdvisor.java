package uk.dmadvisor.service.changecontrol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import uk.dmadvisor.api.model.Action;
import uk.dmadvisor.api.model.Alternative;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.OverallOutcome;
import uk.dmadvisor.api.model.Reason;
import uk.dmadvisor.api.model.Site;
import uk.dmadvisor.api.model.SiteOutcome;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.rules.RuleEvaluation;
import uk.dmadvisor.rules.RuleFinding;
import uk.dmadvisor.rules.changecontrol.SiteFact;
import uk.dmadvisor.service.models.Answers;
import uk.dmadvisor.service.models.Explanations;
import uk.dmadvisor.service.models.Traces;
import uk.dmadvisor.service.problems.FieldProblem;
import uk.dmadvisor.service.problems.InvalidRequestException;

/**
 * Runs every change of a request through the change-control model, then the request-level rules over all
 * changes and sites, and assembles the per-change, per-site and overall answer.
 */
@Service
public class ChangeControlAdvisor {

    static final String MODEL = "change-control";

    private final DecisionModels models;
    private final RequestRules rules;
    private final Answers answers;

    ChangeControlAdvisor(DecisionModels models, RequestRules rules, Answers answers) {
        this.models = models;
        this.rules = rules;
        this.answers = answers;
    }

    /** One evaluation of the model with its actions and what would change its unfavourable outcomes. */
    private record Evaluated(ModelEvaluation evaluation, List<Action> actions, List<Alternative> alternatives) {
    }

    public ChangeAssessment assess(ChangeAssessmentRequest request) {
        // The model is a pure function of its inputs: changes with the same inputs share one evaluation.
        Map<Map<String, Object>, Evaluated> evaluations = new HashMap<>();
        List<AssessedChange> changes = new ArrayList<>();
        for (int i = 0; i < request.getChanges().size(); i++) {
            var change = request.getChanges().get(i);
            Map<String, Object> inputs = ChangeInputs.from(request.getProduct(), change);
            Evaluated evaluated = evaluations.computeIfAbsent(inputs, in -> {
                ModelEvaluation evaluation = models.evaluate(MODEL, in);
                return new Evaluated(evaluation, AssessedChange.actionsOf(evaluation),
                        models.alternatives(evaluation, in).stream().map(Explanations::alternative).toList());
            });
            changes.add(new AssessedChange(i, change, evaluated.evaluation(), evaluated.actions(),
                    evaluated.alternatives()));
        }
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < request.getSites().size(); i++) {
            Site site = request.getSites().get(i);
            facts.add(new SiteFact(i, site.getId(), site.getRole().getValue(), site.getStatus().getValue()));
        }
        changes.forEach(c -> facts.add(c.fact()));
        RuleEvaluation findings = rules.evaluate(facts);
        if (!findings.contradictions().isEmpty()) {
            throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_ENTITY, findings.contradictions().stream()
                    .map(c -> new FieldProblem(c.field(), c.message(), c.ruleId(), null)).toList());
        }
        ChangeAssessment answer = new ChangeAssessment()
                .overall(overall(changes, findings))
                .changes(changes.stream().map(AssessedChange::outcome).toList())
                .sites(sites(request.getSites(), changes, findings))
                .findings(findings.ofKind(RuleFinding.Kind.ADVISORY).stream()
                        .map(f -> Explanations.finding(f, true)).toList())
                .groupingHints(findings.ofKind(RuleFinding.Kind.HINT).stream()
                        .map(f -> Explanations.finding(f, true)).toList())
                .trace(Traces.of(changes.stream().map(c -> Traces.evaluation(c.evaluation(), c.change().getId())).toList(),
                        findings.fired(), evaluations.values().stream()
                                .flatMap(e -> e.evaluation().messages().stream()).toList()))
                .provenance(answers.provenanceFor(request));
        return answer.seal(answers.sealFor(answer));
    }

    /** The conclusion rule names the strictest changes; the first of them (in request order) gives the route. */
    private static OverallOutcome overall(List<AssessedChange> changes, RuleEvaluation findings) {
        RuleFinding conclusion = findings.ofKind(RuleFinding.Kind.CONCLUSION).get(0);
        AssessedChange strictest = changes.stream()
                .filter(c -> conclusion.changeIds().contains(c.change().getId()))
                .findFirst().orElseThrow();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason().ruleId(conclusion.ruleId()).explanation(conclusion.message())
                .citation(conclusion.citation()).basis(Basis.fromValue(conclusion.basis())));
        reasons.addAll(Explanations.reasons(strictest.routeDecision()));
        return new OverallOutcome()
                .route(strictest.route())
                .variationCategory(strictest.variationCategory())
                .summary(strictest.routeDecision().matchedRows().get(0).explanation())
                .strictestChangeIds(changes.stream().map(c -> c.change().getId())
                        .filter(conclusion.changeIds()::contains).toList())
                .reasons(reasons);
    }

    private static List<SiteOutcome> sites(List<Site> sites, List<AssessedChange> changes, RuleEvaluation findings) {
        Map<String, List<AssessedChange>> changesBySite = new HashMap<>();
        for (AssessedChange change : changes) {
            change.change().getSiteIds().forEach(id -> changesBySite.computeIfAbsent(id, k -> new ArrayList<>()).add(change));
        }
        Map<String, List<String>> findingsBySite = new HashMap<>();
        for (RuleFinding finding : findings.findings()) {
            finding.siteIds().forEach(id -> findingsBySite.computeIfAbsent(id, k -> new ArrayList<>()).add(finding.ruleId()));
        }
        List<SiteOutcome> outcomes = new ArrayList<>();
        for (Site site : sites) {
            List<AssessedChange> touching = changesBySite.getOrDefault(site.getId(), List.of());
            Map<String, Action> obligations = new LinkedHashMap<>();
            touching.forEach(c -> c.actions().forEach(a -> obligations.putIfAbsent(a.getCode(), a)));
            outcomes.add(new SiteOutcome()
                    .siteId(site.getId())
                    .role(site.getRole().getValue())
                    .status(site.getStatus().getValue())
                    .changeIds(touching.stream().map(c -> c.change().getId()).toList())
                    .obligations(List.copyOf(obligations.values()))
                    .findingRuleIds(findingsBySite.getOrDefault(site.getId(), List.of()).stream().distinct().toList()));
        }
        return outcomes;
    }
}
