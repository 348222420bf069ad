package uk.dmadvisor.service.changecontrol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import uk.dmadvisor.api.model.Action;
import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.EvaluationTrace;
import uk.dmadvisor.api.model.OverallOutcome;
import uk.dmadvisor.api.model.Reason;
import uk.dmadvisor.api.model.Site;
import uk.dmadvisor.api.model.SiteOutcome;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.rules.RuleEvaluation;
import uk.dmadvisor.rules.RuleFinding;
import uk.dmadvisor.rules.RuleMetadata;
import uk.dmadvisor.rules.changecontrol.RequestedChange;
import uk.dmadvisor.rules.changecontrol.SiteFact;
import uk.dmadvisor.service.models.Answers;
import uk.dmadvisor.service.models.Explanations;
import uk.dmadvisor.service.models.Traces;
import uk.dmadvisor.service.problems.FieldProblem;
import uk.dmadvisor.service.problems.InvalidRequestException;

/**
 * One straight flow: the request-level rules check the request's own facts (a contradiction is a 422); the
 * change-control model evaluates every change; the request-level rules then read the model's results and name the
 * change that decides the request, spokes that would diverge and grouping hints. This class only reads results.
 */
@Service
public class ChangeControlAdvisor {

    static final String MODEL = "change-control";
    private static final String CONTROL_SITE = "CONTROL_SITE";

    private final DecisionModels models;
    private final RequestRules rules;
    private final Answers answers;

    ChangeControlAdvisor(DecisionModels models, RequestRules rules, Answers answers) {
        this.models = models;
        this.rules = rules;
        this.answers = answers;
    }

    public ChangeAssessment assess(ChangeAssessmentRequest request) {
        return assess(request, AnswerView.FULL);
    }

    /** The compact view leaves out the trace, each change's decisions and alternatives; nothing else depends on them. */
    public ChangeAssessment assess(ChangeAssessmentRequest request, AnswerView view) {
        boolean full = view != AnswerView.COMPACT;
        List<Object> siteFacts = new ArrayList<>();
        for (int i = 0; i < request.getSites().size(); i++) {
            Site site = request.getSites().get(i);
            siteFacts.add(new SiteFact(i, site.getId(), site.getRole().getValue(), site.getStatus().getValue()));
        }
        List<Object> requestFacts = new ArrayList<>(siteFacts);
        requestFacts.add(request.getProduct());
        for (int i = 0; i < request.getChanges().size(); i++) {
            requestFacts.add(new RequestedChange(i, request.getChanges().get(i)));
        }
        RuleEvaluation consistency = rules.evaluate(requestFacts);
        if (!consistency.contradictions().isEmpty()) {
            throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_ENTITY, consistency.contradictions().stream()
                    .map(c -> new FieldProblem(c.field(), c.message(), c.ruleId(), null)).toList());
        }
        String controlSiteId = request.getSites().stream().filter(s -> CONTROL_SITE.equals(s.getRole().getValue()))
                .findFirst().orElseThrow().getId();

        // The model is a pure function of its inputs: changes with the same inputs share one evaluation.
        Map<Map<String, Object>, EvaluatedChange.Evaluated> evaluations = new HashMap<>();
        List<EvaluatedChange> changes = new ArrayList<>();
        for (int i = 0; i < request.getChanges().size(); i++) {
            var change = request.getChanges().get(i);
            Map<String, Object> inputs = ChangeInputs.from(request.getProduct(), change, controlSiteId);
            EvaluatedChange.Evaluated evaluated = evaluations.computeIfAbsent(inputs, in -> {
                ModelEvaluation evaluation = models.evaluate(MODEL, in);
                return EvaluatedChange.Evaluated.of(evaluation, full
                        ? models.alternatives(evaluation, in).stream().map(Explanations::alternative).toList() : null);
            });
            changes.add(new EvaluatedChange(i, change, evaluated));
        }

        List<Object> resultFacts = new ArrayList<>(siteFacts);
        changes.forEach(c -> resultFacts.add(c.fact()));
        RuleEvaluation results = rules.evaluate(resultFacts);

        List<RuleFinding> advisories = new ArrayList<>(consistency.advisories());
        advisories.addAll(results.advisories());
        List<RuleMetadata> fired = new ArrayList<>(consistency.fired());
        fired.addAll(results.fired());
        ChangeAssessment answer = new ChangeAssessment()
                .overall(overall(changes, results))
                .changes(changes.stream().map(change -> change.outcome(full)).toList())
                .sites(sites(request.getSites(), changes, advisories))
                .findings(advisories.stream().map(f -> Explanations.finding(f, true)).toList())
                .groupingHints(results.ofKind(RuleFinding.Kind.HINT).stream()
                        .map(f -> Explanations.finding(f, true)).toList())
                .trace(full ? Traces.of(traces(changes), fired,
                        evaluations.values().stream().flatMap(e -> e.evaluation().messages().stream()).toList()) : null)
                .provenance(answers.provenanceFor(request));
        return answer.seal(answers.sealFor(answer));
    }

    /** One trace entry per evaluation of the model, in order of first use, naming every change it answered. */
    private static List<EvaluationTrace> traces(List<EvaluatedChange> changes) {
        Map<EvaluatedChange.Evaluated, List<String>> subjects = new IdentityHashMap<>();
        List<EvaluatedChange.Evaluated> order = new ArrayList<>();
        for (EvaluatedChange change : changes) {
            subjects.computeIfAbsent(change.evaluated(), e -> {
                order.add(e);
                return new ArrayList<>();
            }).add(change.change().getId());
        }
        return order.stream().map(e -> new EvaluationTrace().model(e.evaluation().model().name())
                .version(e.evaluation().model().version()).subjects(subjects.get(e)).decisions(e.allDecisions())).toList();
    }

    /** The conclusion rule names the one change that decides the request; its outcome is the request's. */
    private static OverallOutcome overall(List<EvaluatedChange> changes, RuleEvaluation results) {
        RuleFinding conclusion = results.ofKind(RuleFinding.Kind.CONCLUSION).get(0);
        String decidingId = conclusion.changeIds().get(0);
        EvaluatedChange deciding = changes.stream().filter(c -> c.change().getId().equals(decidingId))
                .findFirst().orElseThrow();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason().ruleId(conclusion.ruleId()).explanation(conclusion.message())
                .citation(conclusion.citation()).basis(Basis.fromValue(conclusion.basis())));
        reasons.addAll(Explanations.reasons(deciding.routeDecision()));
        return new OverallOutcome()
                .route(deciding.route())
                .variationCategory(deciding.variationCategory())
                .decidingChangeId(decidingId)
                .summary(deciding.routeDecision().matchedRows().get(0).explanation())
                .reasons(reasons);
    }

    private static List<SiteOutcome> sites(List<Site> sites, List<EvaluatedChange> changes, List<RuleFinding> findings) {
        Map<String, List<EvaluatedChange>> changesBySite = new HashMap<>();
        for (EvaluatedChange change : changes) {
            change.change().getSiteIds().forEach(id -> changesBySite.computeIfAbsent(id, k -> new ArrayList<>()).add(change));
        }
        Map<String, List<String>> findingsBySite = new HashMap<>();
        for (RuleFinding finding : findings) {
            finding.siteIds().forEach(id -> findingsBySite.computeIfAbsent(id, k -> new ArrayList<>()).add(finding.ruleId()));
        }
        List<SiteOutcome> outcomes = new ArrayList<>();
        for (Site site : sites) {
            List<EvaluatedChange> touching = changesBySite.getOrDefault(site.getId(), List.of());
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
