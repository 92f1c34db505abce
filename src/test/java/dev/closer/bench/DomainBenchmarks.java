package dev.closer.bench;

import dev.closer.sales.intelligence.Deal;
import dev.closer.sales.intelligence.WinLossAccumulator;
import dev.closer.sales.intelligence.WinLossAnalysis;
import dev.closer.sales.outreach.QualityGrader;
import dev.closer.sales.territory.Account;
import dev.closer.sales.territory.Geography;
import dev.closer.sales.territory.IcpScorer;
import dev.closer.sales.territory.IndustryTaxonomy;
import dev.closer.sales.territory.MarketDefinition;
import dev.closer.sales.territory.MarketParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process throughput of the sales scorers, one thread: ICP scoring of a 1,000,000-account batch
 * (industries already resolved: each distinct string is resolved once per batch), the taxonomy's
 * cost per new industry string, message grading of a 120-word email, and win/loss analysis of
 * 1,000,000 deals.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class DomainBenchmarks {

    private static final int ACCOUNTS = 1_000_000;
    private static final int DEALS = 1_000_000;

    private final IndustryTaxonomy taxonomy = new IndustryTaxonomy();
    private final Geography geography = new Geography();
    private MarketDefinition market;
    private Account[] accounts;
    private IcpScorer warmScorer;
    private Deal[] deals;
    private String email;
    private final QualityGrader grader = new QualityGrader();
    private final QualityGrader.Context sarah = new QualityGrader.Context("Sarah Johnson", "Acme SaaS", "VP Sales", null, null);
    private int fresh;

    @Setup
    public void setUp() {
        market = new MarketParser(taxonomy, geography).parse(Map.of("industries", List.of("SaaS", "Cloud Infrastructure"),
                "revenue_range", "10M-50M", "employee_count_range", "50-500", "geography", "US West Coast")).market();
        String[] industries = {"SaaS", "Software as a Service", "Cloud Infrastructure", "Manufacturing", "Health Care", "Retail"};
        String[] places = {"California", "Seattle, WA", "Texas", "USA", "London"};
        Random r = new Random(1);
        accounts = new Account[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = new Account("a" + i, industries[r.nextInt(industries.length)], (double) (1 + r.nextInt(200)) * 1e6,
                    (double) (10 + r.nextInt(3000)), places[r.nextInt(places.length)]);
        }
        warmScorer = new IcpScorer(taxonomy, geography, market);
        for (Account a : accounts) {
            warmScorer.score(a);
        }
        String[] inds = {"Technology", "Healthcare", "Manufacturing"};
        String[] reasons = {"Price", "too expensive", "Bad timing", "Went with a competitor"};
        deals = new Deal[DEALS];
        for (int i = 0; i < DEALS; i++) {
            boolean won = r.nextDouble() < 0.55;
            deals[i] = new Deal("d" + i, won ? "won" : "lost", inds[r.nextInt(3)], (double) (1 + r.nextInt(300)) * 1e6,
                    "EMEA", 20_000.0 + r.nextInt(200_000), 30.0, r.nextDouble(), won ? null : reasons[r.nextInt(4)],
                    Instant.ofEpochSecond(1_760_000_000L + r.nextInt(7_000_000)), "inbound", List.of());
        }
        email = "Hi Sarah,\n\nI noticed Acme SaaS is expanding their sales team with five new openings. Many SaaS companies we work"
                + " with face challenges around manual prospecting and qualification, and it slows their sales cycles down"
                + " considerably as the team grows. We have helped similar companies achieve 30% faster sales cycles by"
                + " scoring accounts against their ideal customer profile and drafting first-touch emails that a person still"
                + " reviews before anything goes out. Would you be open to a 15-minute call next week to discuss how this"
                + " could work for your team at Acme SaaS? It would be a short conversation, and I would bring two examples from"
                + " companies of a similar size.\n\nBest,\nAlex Martinez\nAccount Executive";
    }

    /** Score the 1,000,000-account batch (industries and places already resolved). One op = the batch. */
    @Benchmark
    public void score_a_million_accounts(Blackhole bh) {
        for (Account a : accounts) {
            bh.consume(warmScorer.score(a));
        }
    }

    /** Resolve 10,000 industry strings the scorer has not seen (the taxonomy's cost per distinct string). */
    @Benchmark
    public void resolve_10000_new_industry_strings(Blackhole bh) {
        IcpScorer scorer = new IcpScorer(taxonomy, geography, market);
        for (int i = 0; i < 10_000; i++) {
            bh.consume(scorer.score(new Account("x", "Enterprise SaaS Platform " + (fresh++), 2e7, 100.0, null)));
        }
    }

    /** Grade 100,000 copies of a 120-word email. */
    @Benchmark
    public void assess_100000_emails(Blackhole bh) {
        for (int i = 0; i < 100_000; i++) {
            bh.consume(grader.assess("30% faster sales cycles for Acme SaaS", email, "email", sarah));
        }
    }

    /** Analyse 1,000,000 deals (one op = the whole batch). */
    @Benchmark
    public WinLossAnalysis analyse_a_million_deals() {
        WinLossAccumulator acc = new WinLossAccumulator(5, null);
        for (Deal d : deals) {
            acc.add(d);
        }
        return acc.result();
    }
}
