package io.peregrine.rules.engine.compile;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.eval.Comparisons;
import io.peregrine.rules.engine.eval.Glob;
import io.peregrine.rules.engine.eval.IpAddress;
import io.peregrine.rules.engine.eval.LongSet;
import io.peregrine.rules.engine.eval.Matcher;
import io.peregrine.rules.engine.eval.PathPrefixSet;
import io.peregrine.rules.engine.eval.SlotTable;
import io.peregrine.rules.engine.eval.TextSet;
import io.peregrine.rules.engine.names.ResolvedNames;
import io.peregrine.rules.engine.output.OutputTemplate;
import io.peregrine.rules.language.condition.ConditionParser;
import io.peregrine.rules.language.condition.Expr.And;
import io.peregrine.rules.language.condition.Expr.Check;
import io.peregrine.rules.language.condition.Expr.Const;
import io.peregrine.rules.language.condition.Expr.FieldValue;
import io.peregrine.rules.language.condition.Expr.ListValue;
import io.peregrine.rules.language.condition.Expr.Literal;
import io.peregrine.rules.language.condition.Expr.MacroRef;
import io.peregrine.rules.language.condition.Expr.Not;
import io.peregrine.rules.language.condition.Expr.Operand;
import io.peregrine.rules.language.condition.Expr.Or;
import io.peregrine.rules.language.condition.Expr;
import io.peregrine.rules.language.condition.Operator;
import io.peregrine.rules.language.condition.Transformer;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.SourcePosition;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.ruleset.ListDefinition;
import io.peregrine.rules.language.ruleset.MacroDefinition;
import io.peregrine.rules.language.ruleset.RuleDefinition;
import io.peregrine.rules.language.ruleset.Ruleset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Ruleset}: parses conditions, appends exceptions, expands macros and lists,
 * resolves and type-checks fields, derives each rule's event types, folds constants (including
 * the {@code evt.type} checks, which are constant once the index has picked the event type) and
 * builds the matchers and the interest. Errors carry the file position of the offending text.
 */
public final class RuleCompiler {

    /** Largest condition of one rule or macro, in terms and list items, with macros and lists written out. */
    public static final long MAX_CONDITION_TERMS = 100_000;
    /** Largest list, in items, once the lists it names are written out. */
    public static final int MAX_LIST_ITEMS = 100_000;
    /** Largest sum of the written-out conditions of all rules. */
    public static final long MAX_RULESET_TERMS = 2_000_000;

    /** Rules matching at most this many event types get one specialised matcher per type. */
    private static final int SPECIALISE_UP_TO = 32;

    private final Ruleset ruleset;
    private final SlotTable slots = new SlotTable();
    private final ResolvedNames names = new ResolvedNames();
    private final Map<String, Expr> macros = new HashMap<>();
    private final Set<String> macrosInProgress = new LinkedHashSet<>();
    private final Map<String, List<Literal>> lists = new HashMap<>();
    private final Set<String> listsInProgress = new LinkedHashSet<>();
    private final Map<Check, Matcher> leaves = new IdentityHashMap<>();
    // Tree sizes of expanded expressions: macros are shared, so the expansion is a DAG whose tree
    // (what folding and matcher building walk) can be exponentially larger than the DAG itself.
    private final Map<Expr, Long> treeSizes = new IdentityHashMap<>();
    private long totalTerms;
    private final List<String> warnings = new ArrayList<>();

    private RuleCompiler(Ruleset ruleset) {
        this.ruleset = ruleset;
        warnings.addAll(ruleset.warnings());
    }

    public static CompiledRuleset compile(Ruleset ruleset) {
        return new RuleCompiler(ruleset).run();
    }

    private record Built(RuleDefinition def, Expr expr, boolean[] types, OutputTemplate output, BitSet slots) {
    }

    private CompiledRuleset run() {
        List<Built> built = new ArrayList<>();
        for (RuleDefinition r : ruleset.rules()) {
            if (!r.source().equals("syscall")) {
                warnings.add(r.position() + ": rule '" + r.name() + "' has source '" + r.source()
                        + "', which Peregrine does not provide; skipped");
                continue;
            }
            Built b;
            try {
                b = rule(r);
            } catch (UnknownFieldException e) {
                if (r.skipIfUnknownFilter()) {
                    warnings.add(e.getMessage() + " (rule '" + r.name() + "' skipped: skip-if-unknown-filter)");
                    continue;
                }
                throw e;
            }
            if (r.enabled()) {
                built.add(b);
                if (EventTypeSets.isAll(b.types) && r.warnEvttypes()) {
                    warnings.add(r.position() + ": rule '" + r.name() + "' does not restrict evt.type: it is "
                            + "evaluated for every event type, which is slow");
                }
            }
        }
        int nTypes = EventTypes.size();
        List<CompiledRule> rules = new ArrayList<>();
        List<List<CompiledRule>> byType = new ArrayList<>();
        BitSet[] slotsByType = new BitSet[nTypes];
        for (int t = 0; t < nTypes; t++) {
            byType.add(new ArrayList<>());
        }
        List<Expr[]> folded = new ArrayList<>();
        for (Built b : built) {
            RuleDefinition d = b.def;
            CompiledRule cr = new CompiledRule(rules.size(), d.name(), d.priority(), d.tags(), d.source(), b.output,
                    b.types, matcher(fold(b.expr, -1)));
            rules.add(cr);
            boolean specialise = EventTypeSets.count(b.types) <= SPECIALISE_UP_TO;
            Expr generic = specialise ? null : fold(b.expr, -1);
            Expr[] perType = new Expr[nTypes];
            for (int t = 1; t < nTypes; t++) {
                if (!b.types[t]) {
                    continue;
                }
                Expr f = specialise ? fold(b.expr, t) : generic;
                if (f instanceof Const k && !k.value()) {
                    continue;     // impossible for this type once evt.type is known
                }
                perType[t] = f;
                byType.get(t).add(cr);
                if (slotsByType[t] == null) {
                    slotsByType[t] = new BitSet();
                }
                slotsByType[t].or(b.slots);
            }
            folded.add(perType);
        }
        CompiledRuleset.TypeIndex[] index = new CompiledRuleset.TypeIndex[nTypes];
        for (int t = 0; t < nTypes; t++) {
            List<CompiledRule> rs = byType.get(t);
            List<Expr> exprs = new ArrayList<>();
            for (CompiledRule cr : rs) {
                exprs.add(folded.get(cr.index())[t]);
            }
            index[t] = typeIndex(rs, exprs);
        }
        int[][] sbt = new int[nTypes][];
        List<Integer> interestTypes = new ArrayList<>();
        for (int t = 0; t < nTypes; t++) {
            if (!byType.get(t).isEmpty()) {
                interestTypes.add(t);
                sbt[t] = slotsByType[t].stream().toArray();
            }
        }
        CompiledInterest interest = new CompiledInterest(interestTypes.stream().mapToInt(Integer::intValue).toArray(), slots.refs(), sbt);
        unused();
        return new CompiledRuleset(List.copyOf(rules), index, slots, interest, List.copyOf(warnings), names);
    }

    /**
     * Builds the evaluation plan of one event type. Rules often share a required check through
     * a common macro (e.g. {@code evt.is_open_read = true} from {@code open_read}); each rule gets
     * as guard the required check that most rules of the type share, evaluated once per event
     * and remembered, so that a false guard skips every rule that needs it. The guard is then
     * dropped from the rule's own matcher.
     */
    private CompiledRuleset.TypeIndex typeIndex(List<CompiledRule> rs, List<Expr> exprs) {
        Map<Check, Integer> shared = new IdentityHashMap<>();
        for (Expr e : exprs) {
            for (Check c : required(e)) {
                shared.merge(c, 1, Integer::sum);
            }
        }
        List<Check> guards = new ArrayList<>();
        Map<Check, Integer> guardIds = new IdentityHashMap<>();
        int[] guardOf = new int[rs.size()];
        Matcher[] ms = new Matcher[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            Expr e = exprs.get(i);
            Check best = null;
            for (Check c : required(e)) {
                int n = shared.get(c);
                if (n > 1 && (best == null || n > shared.get(best) || n == shared.get(best) && cost(c) < cost(best))) {
                    best = c;
                }
            }
            if (best != null && !guardIds.containsKey(best) && guards.size() == 64) {
                best = null;      // guards are tracked in one long per event
            }
            if (best == null) {
                guardOf[i] = -1;
                ms[i] = matcher(e);
                continue;
            }
            Check g = best;
            guardOf[i] = guardIds.computeIfAbsent(g, k -> {
                guards.add(k);
                return guards.size() - 1;
            });
            if (e == g) {
                ms[i] = Matcher.TRUE;
            } else {
                List<Expr> rest = new ArrayList<>(((And) e).terms());
                rest.removeIf(x -> x == g);
                ms[i] = matcher(rest.size() == 1 ? rest.get(0) : new And(rest));
            }
        }
        return new CompiledRuleset.TypeIndex(rs.toArray(new CompiledRule[0]), ms, guardOf,
                guards.stream().map(this::leaf).toArray(Matcher[]::new), valueIndex(exprs));
    }

    /**
     * For the text field that most rules of the type require a value of ({@code proc.name in
     * (...)} on execve, typically), a map from the field's value to the rules whose requirement it
     * meets: one lookup per event skips every rule whose required names do not include it.
     */
    private CompiledRuleset.ValueIndex valueIndex(List<Expr> exprs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Expr e : exprs) {
            Set<String> fs = new java.util.HashSet<>();
            for (Check c : required(e)) {
                String f = indexableField(c);
                if (f != null) {
                    fs.add(f);
                }
            }
            fs.forEach(x -> counts.merge(x, 1, Integer::sum));
        }
        String field = null;
        for (Map.Entry<String, Integer> x : new java.util.TreeMap<>(counts).entrySet()) {
            if (x.getValue() >= 4 && (field == null || x.getValue() > counts.get(field))) {
                field = x.getKey();     // most rules; ties to the first name, for a stable plan
            }
        }
        if (field == null) {
            return null;
        }
        int words = (exprs.size() + 63) / 64;
        long[] constrained = new long[words];
        Map<String, long[]> masks = new HashMap<>();
        for (int i = 0; i < exprs.size(); i++) {
            for (Check c : required(exprs.get(i))) {
                if (!field.equals(indexableField(c))) {
                    continue;
                }
                constrained[i >> 6] |= 1L << i;
                List<Literal> values = c.value() instanceof Literal l ? List.of(l) : ((ListValue) c.value()).items();
                for (Literal l : values) {
                    masks.computeIfAbsent(l.text(), k -> new long[words])[i >> 6] |= 1L << i;
                }
                break;
            }
        }
        return new CompiledRuleset.ValueIndex(slots.slot(FieldCatalog.resolve(field)), constrained,
                new io.peregrine.rules.engine.eval.TextMap(masks), new long[words]);
    }

    /** The field of a positive = / in check on a single-valued text field, else null. */
    private static String indexableField(Check c) {
        if (!(c.op() == Operator.EQ || c.op() == Operator.IN) || !c.field().transformers().isEmpty()
                || c.value() instanceof FieldValue || EventTypeSets.isEventTypeCheck(c)) {
            return null;
        }
        FieldRef r = FieldCatalog.resolve(c.field().field());
        if (r == null || r.multiValued() || !(r.field().type() == FieldType.CHARBUF || r.field().type() == FieldType.FSPATH)
                || byAddress(c)) {
            return null;
        }
        return r.text();
    }

    /** The checks an expression cannot be true without. */
    private static List<Check> required(Expr e) {
        if (e instanceof Check c) {
            return List.of(c);
        }
        if (e instanceof And a) {
            return a.terms().stream().filter(t -> t instanceof Check).map(t -> (Check) t).toList();
        }
        return List.of();
    }

    private final Set<String> usedMacros = new java.util.HashSet<>();
    private final Set<String> usedLists = new java.util.HashSet<>();

    private void unused() {
        for (MacroDefinition m : ruleset.macros().values()) {
            if (!usedMacros.contains(m.name())) {
                warnings.add(m.position() + ": macro '" + m.name() + "' is not used");
            }
        }
        for (ListDefinition l : ruleset.lists().values()) {
            if (!usedLists.contains(l.name())) {
                warnings.add(l.position() + ": list '" + l.name() + "' is not used");
            }
        }
    }

    private Built rule(RuleDefinition r) {
        Expr cond = ConditionParser.parse(r.condition());
        Expr exc = ExceptionConditions.build(r.exceptions());
        if (exc != null) {
            cond = new And(List.of(cond, new Not(exc)));
        }
        Expr expanded = expand(cond);
        long terms = treeSize(expanded);
        SourcePosition at = r.condition().length() > 0 ? r.condition().position(0) : r.position();
        if (terms > MAX_CONDITION_TERMS) {
            throw new RuleLoadException(at, "the condition of rule '" + r.name() + "' expands to " + terms(terms)
                    + " terms, more than the " + MAX_CONDITION_TERMS + " allowed (macros and lists are written out "
                    + "at each use)");
        }
        totalTerms += terms;
        if (totalTerms > MAX_RULESET_TERMS) {
            throw new RuleLoadException(at, "with rule '" + r.name() + "', the conditions of the ruleset expand to "
                    + "more than the " + MAX_RULESET_TERMS + " terms allowed in all");
        }
        BitSet used = new BitSet();
        validate(expanded, used);
        OutputTemplate out;
        try {
            out = OutputTemplate.parse(r.output(), slots);
        } catch (RuleLoadException e) {
            if (e.reason().startsWith("unknown field") || e.reason().contains("not supported")) {
                throw new UnknownFieldException(e.position(), e.reason());
            }
            throw e;
        }
        for (int s : out.slots()) {
            used.set(s);
        }
        return new Built(r, expanded, EventTypeSets.of(expanded), out, used);
    }

    // ---- macros and lists

    private Expr expand(Expr e) {
        return switch (e) {
            case MacroRef m -> macro(m);
            case And a -> new And(a.terms().stream().map(this::expand).toList());
            case Or o -> new Or(o.terms().stream().map(this::expand).toList());
            case Not n -> new Not(expand(n.term()));
            case Check c when c.value() instanceof ListValue lv ->
                    new Check(c.field(), c.op(), new ListValue(expandItems(lv.items()), lv.position()), c.opPosition());
            default -> e;
        };
    }

    private Expr macro(MacroRef m) {
        Expr done = macros.get(m.name());
        if (done != null) {
            return done;
        }
        MacroDefinition def = ruleset.macros().get(m.name());
        if (def == null) {
            String hint = ruleset.lists().containsKey(m.name())
                    ? " ('" + m.name() + "' is a list: use it inside a list, e.g. proc.name in (" + m.name() + "))"
                    : "";
            throw new RuleLoadException(m.position(), "undefined macro '" + m.name() + "'" + hint);
        }
        if (!macrosInProgress.add(m.name())) {
            throw new RuleLoadException(m.position(), "macro '" + m.name() + "' refers to itself: "
                    + String.join(" -> ", macrosInProgress) + " -> " + m.name());
        }
        usedMacros.add(m.name());
        try {
            Expr x = expand(ConditionParser.parse(def.condition()));
            long terms = treeSize(x);
            if (terms > MAX_CONDITION_TERMS) {
                throw new RuleLoadException(m.position(), "macro '" + m.name() + "' expands to " + terms(terms)
                        + " terms, more than the " + MAX_CONDITION_TERMS + " allowed (macros and lists are written "
                        + "out at each use)");
            }
            macros.put(m.name(), x);
            return x;
        } finally {
            macrosInProgress.remove(m.name());
        }
    }

    private List<Literal> expandItems(List<Literal> items) {
        List<Literal> out = new ArrayList<>();
        for (Literal l : items) {
            if (!l.quoted() && ruleset.lists().containsKey(l.text())) {
                List<Literal> sub = list(l);
                checkListSize(l, out.size(), sub.size());
                out.addAll(sub);
            } else {
                out.add(l);
            }
        }
        return out;
    }

    private List<Literal> list(Literal ref) {
        List<Literal> done = lists.get(ref.text());
        if (done != null) {
            return done;
        }
        if (!listsInProgress.add(ref.text())) {
            throw new RuleLoadException(ref.position(), "list '" + ref.text() + "' contains itself: "
                    + String.join(" -> ", listsInProgress) + " -> " + ref.text());
        }
        usedLists.add(ref.text());
        try {
            List<Literal> out = new ArrayList<>();
            for (PositionedText item : ruleset.lists().get(ref.text()).items()) {
                String t = item.text();
                boolean quoted = false;
                if (t.length() >= 2 && (t.charAt(0) == '"' && t.endsWith("\"") || t.charAt(0) == '\'' && t.endsWith("'"))) {
                    t = t.substring(1, t.length() - 1);     // items written with quotes inside YAML quotes
                    quoted = true;
                }
                Literal l = new Literal(t, quoted, item.position(0));
                if (!quoted && ruleset.lists().containsKey(t)) {
                    List<Literal> sub = list(l);
                    checkListSize(ref, out.size(), sub.size());
                    out.addAll(sub);
                } else {
                    out.add(l);
                }
            }
            lists.put(ref.text(), out);
            return out;
        } finally {
            listsInProgress.remove(ref.text());
        }
    }

    /** Refuses a list before it is copied past {@link #MAX_LIST_ITEMS}. */
    private static void checkListSize(Literal at, int have, int adding) {
        if ((long) have + adding > MAX_LIST_ITEMS) {
            throw new RuleLoadException(at.position(), "list '" + at.text() + "' expands to more than "
                    + MAX_LIST_ITEMS + " items (the lists it names are written out at each use)");
        }
    }

    /** Size of {@code e} as a tree, counting list items; memoised by identity, so linear in the DAG. */
    private long treeSize(Expr e) {
        Long known = treeSizes.get(e);
        if (known != null) {
            return known;
        }
        long n = switch (e) {
            case And a -> sum(a.terms());
            case Or o -> sum(o.terms());
            case Not x -> 1 + treeSize(x.term());
            case Check c when c.value() instanceof ListValue lv -> 1 + lv.items().size();
            default -> 1;
        };
        treeSizes.put(e, n);
        return n;
    }

    private long sum(List<Expr> terms) {
        long n = 1;
        for (Expr t : terms) {
            n = Math.min(Long.MAX_VALUE / 4, n + treeSize(t));
        }
        return n;
    }

    private static String terms(long n) {
        return n >= Long.MAX_VALUE / 4 ? "more than 10^18" : Long.toString(n);
    }

    // ---- constant folding

    /** Folds constants; with {@code type >= 0}, evt.type checks become constants for that type. */
    static Expr fold(Expr e, int type) {
        return switch (e) {
            case Check c when type >= 0 && EventTypeSets.isEventTypeCheck(c) -> {
                boolean in = EventTypeSets.named(c)[type];
                yield new Const(c.op() == Operator.NE ? !in : in);
            }
            case Check c when c.op() == Operator.IN && c.value() instanceof ListValue lv && lv.items().isEmpty() ->
                    new Const(false);
            case And a -> {
                List<Expr> terms = new ArrayList<>();
                for (Expr t : a.terms()) {
                    Expr f = fold(t, type);
                    if (f instanceof Const k) {
                        if (!k.value()) {
                            yield k;
                        }
                        continue;
                    }
                    if (f instanceof And inner) {
                        terms.addAll(inner.terms());
                    } else {
                        terms.add(f);
                    }
                }
                terms = mergeIntoSets(terms, true);
                yield terms.isEmpty() ? new Const(true) : terms.size() == 1 ? terms.get(0) : new And(terms);
            }
            case Or o -> {
                List<Expr> terms = new ArrayList<>();
                for (Expr t : o.terms()) {
                    Expr f = fold(t, type);
                    if (f instanceof Const k) {
                        if (k.value()) {
                            yield k;
                        }
                        continue;
                    }
                    if (f instanceof Or inner) {
                        terms.addAll(inner.terms());
                    } else {
                        terms.add(f);
                    }
                }
                terms = mergeIntoSets(terms, false);
                yield terms.isEmpty() ? new Const(false) : terms.size() == 1 ? terms.get(0) : new Or(terms);
            }
            case Not n -> {
                Expr f = fold(n.term(), type);
                if (f instanceof Const k) {
                    yield new Const(!k.value());
                }
                if (f instanceof Not nn) {
                    yield nn.term();
                }
                yield new Not(f);
            }
            default -> e;
        };
    }

    /**
     * {@code f = a or f = b or f in (c)} is {@code f in (a, b, c)}, and in an {@code and},
     * {@code not f = a and not f = b} is {@code not f in (a, b)}: one hash probe instead of a
     * chain of comparisons (upstream rules list dozens of exceptions this way). Same result under
     * Falco's semantics, a missing value included; list fields (fd.types, where 'in' means all)
     * are left alone.
     */
    private static List<Expr> mergeIntoSets(List<Expr> terms, boolean negated) {
        Map<String, List<Check>> byField = new java.util.LinkedHashMap<>();
        for (Expr t : terms) {
            Check c = mergeable(t, negated);
            if (c != null) {
                byField.computeIfAbsent(c.field().field(), k -> new ArrayList<>()).add(c);
            }
        }
        if (byField.values().stream().noneMatch(l -> l.size() > 1)) {
            return terms;
        }
        List<Expr> out = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (Expr t : terms) {
            Check c = mergeable(t, negated);
            if (c == null || byField.get(c.field().field()).size() == 1) {
                out.add(t);
                continue;
            }
            if (!done.add(c.field().field())) {
                continue;
            }
            List<Literal> items = new ArrayList<>();
            for (Check m : byField.get(c.field().field())) {
                if (m.value() instanceof Literal l) {
                    items.add(l);
                } else {
                    items.addAll(((ListValue) m.value()).items());
                }
            }
            Check merged = new Check(c.field(), Operator.IN, new ListValue(items, c.opPosition()), c.opPosition());
            out.add(negated ? new Not(merged) : merged);
        }
        return out;
    }

    private static Check mergeable(Expr t, boolean negated) {
        Expr inner = t;
        if (negated) {
            if (!(t instanceof Not n)) {
                return null;
            }
            inner = n.term();
        }
        if (!(inner instanceof Check c) || !c.field().transformers().isEmpty()
                || !(c.op() == Operator.EQ || c.op() == Operator.IN) || c.value() instanceof FieldValue
                || EventTypeSets.isEventTypeCheck(c)) {
            return null;
        }
        FieldRef r = FieldCatalog.resolve(c.field().field());
        if (r == null || r.field().name().equals("fd.types")) {
            return null;
        }
        FieldType ty = r.field().type();
        return ty.textual() || ty.numeric() ? c : null;
    }

    // ---- matchers

    private Matcher matcher(Expr e) {
        return switch (e) {
            case Const k -> k.value() ? Matcher.TRUE : Matcher.FALSE;
            case And a -> Matcher.and(cheapestFirst(a.terms()).stream().map(this::matcher).toArray(Matcher[]::new));
            case Or o -> Matcher.or(cheapestFirst(o.terms()).stream().map(this::matcher).toArray(Matcher[]::new));
            case Not n -> Matcher.not(matcher(n.term()));
            case Check c -> leaf(c);
            case MacroRef m -> throw new IllegalStateException("macro not expanded: " + m.name());
        };
    }

    /**
     * Orders the terms of an and/or by estimated cost, cheapest first: conditions have no side
     * effects, so the order does not change the result, and a cheap check that decides early
     * (an integer or a flag) saves the costly ones (substring searches, globs, transformers).
     */
    private static List<Expr> cheapestFirst(List<Expr> terms) {
        List<Expr> sorted = new ArrayList<>(terms);
        sorted.sort(java.util.Comparator.comparingInt(RuleCompiler::cost));   // stable: ties keep rule order
        return sorted;
    }

    private static int cost(Expr e) {
        return switch (e) {
            case Const k -> 0;
            case Not n -> cost(n.term());
            case And a -> a.terms().stream().mapToInt(RuleCompiler::cost).sum();
            case Or o -> o.terms().stream().mapToInt(RuleCompiler::cost).sum();
            case MacroRef m -> 100;
            case Check c -> {
                if (!c.field().transformers().isEmpty()) {
                    yield 60;
                }
                if (EventTypeSets.isEventTypeCheck(c)) {
                    yield 1;
                }
                FieldRef r = FieldCatalog.resolve(c.field().field());
                int base = r != null && r.multiValued() ? 4 : 1;
                FieldType t = r == null ? FieldType.CHARBUF : r.field().type();
                int op = switch (c.op()) {
                    case EXISTS -> 1;
                    case EQ, NE, LT, LE, GT, GE -> t.numeric() || t == FieldType.BOOL ? 1 : 3;
                    case IN, INTERSECTS -> t.numeric() ? 2 : 5;
                    case STARTSWITH, BSTARTSWITH, ENDSWITH -> 3;
                    case PMATCH -> 6;
                    case CONTAINS, BCONTAINS, ICONTAINS -> 8;
                    case GLOB, IGLOB -> 10;
                    case REGEX -> 30;
                };
                yield base * op + (c.value() instanceof FieldValue ? 4 : 0);
            }
        };
    }

    /** Type-checks every check of a rule and records the slots it reads. */
    private void validate(Expr e, BitSet used) {
        switch (e) {
            case And a -> a.terms().forEach(t -> validate(t, used));
            case Or o -> o.terms().forEach(t -> validate(t, used));
            case Not n -> validate(n.term(), used);
            case Check c -> {
                leaf(c);
                if (byAddress(c)) {
                    used.set(slots.slot(FieldCatalog.resolve(ADDRESS_OF_NAME.get(c.field().field()))));
                } else if (!EventTypeSets.isEventTypeCheck(c)) {
                    used.set(slots.slot(resolve(c.field())));
                }
                if (c.value() instanceof FieldValue fv) {
                    used.set(slots.slot(resolve(fv.field())));
                }
            }
            default -> {
            }
        }
    }

    private FieldRef resolve(Operand o) {
        FieldRef r = FieldCatalog.resolve(o.field());
        if (r == null) {
            String base = o.field().replaceAll("\\[.*$", "");
            if (FieldCatalog.byName(base) != null) {
                throw new UnknownFieldException(o.position(), "field '" + base + "' does not take the argument in '"
                        + o.field() + "'");
            }
            throw new UnknownFieldException(o.position(), "unknown field '" + o.field() + "'");
        }
        if (!r.field().supported()) {
            throw new UnknownFieldException(o.position(), "field '" + r.field().name() + "' is not supported yet");
        }
        return r;
    }

    private Matcher leaf(Check c) {
        Matcher m = leaves.get(c);
        if (m == null) {
            m = buildLeaf(c);
            leaves.put(c, m);
        }
        return m;
    }

    /** The address field of each name field that {@code =}, {@code !=} and {@code in} compare by address. */
    private static final Map<String, String> ADDRESS_OF_NAME = Map.of("fd.sip.name", "fd.sip", "fd.cip.name", "fd.cip",
            "fd.lip.name", "fd.lip", "fd.rip.name", "fd.rip");

    /**
     * True for {@code fd.sip.name = X}, {@code != X}, {@code in (...)}, {@code intersects (...)}
     * (and the other {@code fd.*ip.name}): compared, as libsinsp does, by resolving the names the
     * rule lists and testing the event's address against their addresses, never by naming the
     * event's address.
     */
    static boolean byAddress(Check c) {
        return ADDRESS_OF_NAME.containsKey(c.field().field()) && c.field().transformers().isEmpty()
                && !(c.value() instanceof FieldValue)
                && (c.op() == Operator.EQ || c.op() == Operator.NE || c.op() == Operator.IN
                || c.op() == Operator.INTERSECTS);
    }

    private Matcher addressOfName(Check c) {
        List<Literal> items = c.value() instanceof Literal l ? List.of(l) : ((ListValue) c.value()).items();
        int[] which = new int[items.size()];
        for (int i = 0; i < which.length; i++) {
            Literal l = items.get(i);
            try {
                which[i] = names.register(l.text());
            } catch (IllegalArgumentException e) {
                throw new RuleLoadException(l.position(), e.getMessage() + " for " + c.field().text());
            }
        }
        int slot = slots.slot(FieldCatalog.resolve(ADDRESS_OF_NAME.get(c.field().field())));
        return Comparisons.addressOfName(slot, names, which, c.op() == Operator.NE);
    }

    private Matcher buildLeaf(Check c) {
        if (byAddress(c)) {
            return addressOfName(c);
        }
        FieldRef ref = resolve(c.field());
        List<Transformer> ts = c.field().transformers();
        if (ts.isEmpty() && ref.field().name().equals("evt.type")) {
            if (!EventTypeSets.isEventTypeCheck(c)) {
                throw new RuleLoadException(c.opPosition(), "evt.type supports =, != and in, not '" + c.op().symbol() + "'");
            }
            boolean[] named = EventTypeSets.named(c);
            if (c.op() == Operator.NE) {
                boolean[] inv = new boolean[named.length];
                for (int i = 0; i < named.length; i++) {
                    inv[i] = !named[i];
                }
                named = inv;
            }
            return Matcher.eventTypeIn(named);
        }
        FieldType type = fieldType(ref);
        for (Transformer t : ts) {
            if (!type.textual()) {
                throw new RuleLoadException(c.field().position(), t.word() + "() applies to text fields; "
                        + ref.text() + " is " + type);
            }
            type = t == Transformer.LEN ? FieldType.UINT64 : FieldType.CHARBUF;
        }
        int slot = ts.isEmpty() ? slots.slot(ref) : Comparisons.TRANSFORMED_SLOT;
        Matcher leaf = compare(c, ref, type, slot);
        return ts.isEmpty() ? leaf : Comparisons.transformed(slots.slot(ref), ts.toArray(Transformer[]::new), leaf);
    }

    /**
     * The field's type; evt.rawarg.NAME takes the type of the parameter NAME in the event table (the
     * first event that has one, as libsinsp types it): a buffer compares as bytes (evt.rawarg.data
     * bcontains ...), text as text, anything else as a number.
     */
    static FieldType fieldType(FieldRef ref) {
        FieldType t = ref.field().type();
        if (!ref.field().name().equals("evt.rawarg") || ref.arg() == null) {
            return t;
        }
        FieldType raw = RAWARG_TYPES.get(ref.arg());
        return raw != null ? raw : t;
    }

    /** evt.rawarg types of the parameter names that are not numbers. */
    private static final Map<String, FieldType> RAWARG_TYPES = new HashMap<>();

    static {
        Set<String> seen = new java.util.HashSet<>();
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType et = EventTable.get(code);
            for (int i = 0; et != null && i < et.nparams(); i++) {
                ParamInfo p = et.param(i);
                if (!seen.add(p.name())) {
                    continue;
                }
                switch (p.type()) {
                    case BYTEBUF -> RAWARG_TYPES.put(p.name(), FieldType.BYTEBUF);
                    case CHARBUF, FSPATH, FSRELPATH -> RAWARG_TYPES.put(p.name(), FieldType.CHARBUF);
                    default -> {
                    }
                }
            }
        }
    }

    private Matcher compare(Check c, FieldRef ref, FieldType type, int slot) {
        Operator op = c.op();
        String what = c.field().text() + " (" + type + ")";
        if (op == Operator.EXISTS) {
            return Matcher.exists(slot);
        }
        if (c.value() instanceof FieldValue fv) {
            FieldRef other = resolve(fv.field());
            FieldType ot = other.field().type();
            boolean numeric = type.numeric() || type == FieldType.BOOL;
            boolean otherNumeric = ot.numeric() || ot == FieldType.BOOL;
            if (numeric != otherNumeric) {
                throw new RuleLoadException(fv.position(), "cannot compare " + what + " with " + other.text() + " ("
                        + ot + ")");
            }
            Set<Operator> ok = numeric ? Set.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)
                    : Set.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
                    Operator.CONTAINS, Operator.ICONTAINS, Operator.STARTSWITH, Operator.ENDSWITH);
            if (!ok.contains(op)) {
                throw new RuleLoadException(c.opPosition(), "'" + op.symbol() + "' cannot compare two fields");
            }
            return Comparisons.fields(slot, op, slots.slot(other), numeric);
        }
        boolean listField = ref.field().name().equals("fd.types") && ref.arg() == null;
        if (type.numeric()) {
            boolean unsigned = type == FieldType.UINT64;
            switch (op) {
                case EQ, NE, LT, LE, GT, GE -> {
                    return Comparisons.number(slot, op, number((Literal) c.value(), what, unsigned), unsigned);
                }
                case IN, INTERSECTS -> {
                    List<Literal> items = ((ListValue) c.value()).items();
                    long[] vals = new long[items.size()];
                    for (int i = 0; i < vals.length; i++) {
                        vals[i] = number(items.get(i), what, unsigned);
                    }
                    return Comparisons.numberIn(slot, new LongSet(vals), false);
                }
                default -> throw badOp(c, what, "=, !=, <, <=, >, >=, in, intersects, exists");
            }
        }
        if (type == FieldType.BOOL) {
            if (op != Operator.EQ && op != Operator.NE) {
                throw badOp(c, what, "=, !=, exists");
            }
            Literal l = (Literal) c.value();
            long v = switch (l.text().toLowerCase(Locale.ROOT)) {
                case "true" -> 1;
                case "false" -> 0;
                default -> throw new RuleLoadException(l.position(), "'" + l.text() + "' is not a boolean for " + what
                        + ": use true or false");
            };
            return Comparisons.number(slot, op, v, false);
        }
        if (type == FieldType.IPADDR || type == FieldType.IPNET) {
            switch (op) {
                case EQ, NE -> {
                    return Comparisons.ip(slot, new IpAddress.Network[] {network((Literal) c.value(), what)},
                            op == Operator.NE);
                }
                case IN, INTERSECTS -> {
                    List<Literal> items = ((ListValue) c.value()).items();
                    IpAddress.Network[] nets = new IpAddress.Network[items.size()];
                    for (int i = 0; i < nets.length; i++) {
                        nets[i] = network(items.get(i), what);
                    }
                    return Comparisons.ip(slot, nets, false);
                }
                default -> throw badOp(c, what, "=, !=, in, intersects, exists");
            }
        }
        // Text, paths, byte buffers.
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE, CONTAINS, ICONTAINS, STARTSWITH, ENDSWITH ->
                    Comparisons.text(slot, op, ((Literal) c.value()).text());
            case BCONTAINS, BSTARTSWITH -> Comparisons.text(slot, op, hex((Literal) c.value()));
            case GLOB, IGLOB -> Comparisons.glob(slot, new Glob(((Literal) c.value()).text(), op == Operator.IGLOB));
            case REGEX -> {
                Literal l = (Literal) c.value();
                long size = RegexSize.of(l.text());
                if (size > RegexSize.MAX) {
                    // Refused before compiling: the compiler would allocate the whole program first.
                    throw new RuleLoadException(l.position(), "regular expression too large: its repetitions write out "
                            + (size >= (1L << 40) ? "more than 10^12" : Long.toString(size)) + " atoms, at most "
                            + RegexSize.MAX + " are allowed");
                }
                try {
                    yield Comparisons.regex(slot, Pattern.compile(l.text()));
                } catch (PatternSyntaxException e) {
                    throw new RuleLoadException(l.position(), "invalid regular expression '" + l.text() + "': "
                            + e.getDescription());
                }
            }
            case PMATCH -> Comparisons.pmatch(slot, new PathPrefixSet(texts((ListValue) c.value())));
            case IN -> Comparisons.textIn(slot, new TextSet(texts((ListValue) c.value())), listField);
            case INTERSECTS -> Comparisons.textIn(slot, new TextSet(texts((ListValue) c.value())), false);
            default -> throw badOp(c, what, "any");
        };
    }

    private static List<String> texts(ListValue lv) {
        return lv.items().stream().map(Literal::text).toList();
    }

    private static RuleLoadException badOp(Check c, String what, String allowed) {
        return new RuleLoadException(c.opPosition(), "operator '" + c.op().symbol() + "' cannot be used with " + what
                + "; use " + allowed);
    }

    private static long number(Literal l, String what, boolean unsigned) {
        String t = l.text().trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return unsigned && !t.startsWith("-") ? Long.parseUnsignedLong(t) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new RuleLoadException(l.position(), "'" + l.text() + "' is not a number; " + what + " compares with numbers");
        }
    }

    private static IpAddress.Network network(Literal l, String what) {
        IpAddress.Network n = IpAddress.Network.parse(l.text().trim());
        if (n == null) {
            throw new RuleLoadException(l.position(), "'" + l.text() + "' is not an IP address or network (CIDR) for " + what);
        }
        return n;
    }

    private static String hex(Literal l) {
        String t = l.text().trim();
        if (t.length() % 2 != 0 || !t.matches("[0-9a-fA-F]*")) {
            throw new RuleLoadException(l.position(), "'" + l.text() + "' is not hex-encoded bytes (e.g. 7f454c46)");
        }
        StringBuilder b = new StringBuilder(t.length() / 2);
        for (int i = 0; i < t.length(); i += 2) {
            b.append((char) Integer.parseInt(t.substring(i, i + 2), 16));
        }
        return b.toString();
    }
}
