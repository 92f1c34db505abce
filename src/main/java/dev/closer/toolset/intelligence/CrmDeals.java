package dev.closer.toolset.intelligence;

import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.sales.intelligence.Deal;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's Pattern 5 step 1: closed opportunities ("Closed Won", "Closed Lost") from the CRM,
 * each joined with its account (looked up once per account), as deals for the analysis.
 */
final class CrmDeals {

    /** The analysis takes at most a million deals; a CRM scan stops there. */
    private static final int MAX_PER_STAGE = 1_000_000;

    private final CrmAdapter crm;
    private final Map<String, CrmAccount> accounts = new HashMap<>();

    CrmDeals(CrmAdapter crm) {
        this.crm = crm;
    }

    List<Deal> closedSince(Instant since) {
        LocalDate after = since == null ? null : LocalDate.ofInstant(since, ZoneOffset.UTC);
        List<Deal> out = new ArrayList<>();
        try {
            for (String stage : List.of("Closed Won", "Closed Lost")) {
                crm.scanOpportunities(new OpportunityFilters(stage, null, after, null, null), MAX_PER_STAGE, o -> out.add(deal(o)));
            }
        } catch (CrmException e) {
            throw new ToolException(e.kind() == CrmException.Kind.AUTH ? ToolError.CRM_AUTH
                    : e.kind() == CrmException.Kind.INVALID_REQUEST ? ToolError.INVALID_INPUT : ToolError.CRM_UNAVAILABLE,
                    crm.name() + ": " + e.getMessage(), Map.of("crm", crm.name()));
        }
        return out;
    }

    private Deal deal(CrmOpportunity o) {
        CrmAccount a = o.accountId() == null ? null : accounts.computeIfAbsent(o.accountId(), this::account);
        return new Deal(o.id(), o.isWon() ? "won" : "lost", a == null ? null : a.industry(), a == null ? null : a.revenue(),
                a == null ? null : a.region(), o.amount(), o.salesCycleDays() == null ? null : o.salesCycleDays().doubleValue(),
                o.qualificationScore(), o.lossReason(), o.closeDate() == null ? null : o.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant(),
                null, List.of());
    }

    private CrmAccount account(String id) {
        try {
            return crm.getAccount(id);
        } catch (CrmException e) {
            if (e.kind() == CrmException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
