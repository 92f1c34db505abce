package dev.closer.crm.salesforce;

import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.tool.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One field of an opportunity update: Closer's key ({@code stage}, {@code amount},
 * {@code close_date}, {@code next_step}, {@code name}, {@code qualification_score}) or a field's
 * API name, checked against the org's describe before anything is read or written. Knows the
 * field's current value in Closer's terms (the "from" of a change), whether the record already
 * holds the wanted value, and the JSON to PATCH.
 */
record OpportunityUpdate(String key, String apiName, Type type, Object value, Object wanted) {

    enum Type { STAGE, NUMBER, DATE, TEXT, OTHER }

    static OpportunityUpdate of(String key, Object value, OpportunityFields fields) {
        Type type = switch (key) {
            case "stage" -> Type.STAGE;
            case "amount", "qualification_score" -> Type.NUMBER;
            case "close_date" -> Type.DATE;
            case "next_step", "name" -> Type.TEXT;
            default -> Type.OTHER;
        };
        String name = switch (key) {
            case "stage" -> "StageName";
            case "amount" -> "Amount";
            case "close_date" -> "CloseDate";
            case "next_step" -> "NextStep";
            case "name" -> "Name";
            case "qualification_score" -> fields.qualificationScore();
            default -> key;
        };
        if (name == null) {
            throw invalid("this org's Opportunity has no qualification score field (" + OpportunityFields.QUALIFICATION_SCORE.get(0) + ")");
        }
        OpportunityFields.Field field = name.matches("[A-Za-z][A-Za-z0-9_]{0,79}") ? fields.field(name) : null;
        if (field == null) {
            throw invalid("this org's Opportunity has no field '" + name + "'");
        }
        if (!field.updateable()) {
            throw invalid("Opportunity field '" + field.name() + "' cannot be written by this Salesforce user");
        }
        return new OpportunityUpdate(key, field.name(), type, value, normalized(key, type, value));
    }

    private static Object normalized(String key, Type type, Object value) {
        return switch (type) {
            case STAGE -> {
                String s = value == null ? "" : value.toString().strip();
                if (s.isEmpty()) {
                    throw invalid("stage must name a stage");
                }
                yield s.equalsIgnoreCase("Closed Won") ? "Closed Won" : s.equalsIgnoreCase("Closed Lost") ? "Closed Lost" : s;
            }
            case NUMBER -> {
                if (value == null || value instanceof Number) {
                    yield value == null ? null : ((Number) value).doubleValue();
                }
                try {
                    yield Double.parseDouble(value.toString().strip());
                } catch (NumberFormatException e) {
                    throw invalid(key + " must be a number, not '" + value + "'");
                }
            }
            case DATE -> {
                try {
                    yield value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value).strip());
                } catch (DateTimeParseException e) {
                    throw invalid(key + " must be a date (YYYY-MM-DD), not '" + value + "'");
                }
            }
            case TEXT -> {
                if (key.equals("name") && (value == null || value.toString().isBlank())) {
                    throw invalid("name must not be empty");
                }
                yield value == null ? null : value.toString();
            }
            case OTHER -> value;
        };
    }

    /** The field's value now, in Closer's terms ("Closed Won", 80000.0, "2026-02-27"). */
    Object current(CrmOpportunity before, JsonNode raw) {
        return switch (key) {
            case "stage" -> before.stage();
            case "amount" -> before.amount();
            case "qualification_score" -> before.qualificationScore();
            case "close_date" -> before.closeDate() == null ? null : before.closeDate().toString();
            case "name" -> before.name();
            default -> plain(raw.path(apiName));
        };
    }

    /** Whether {@code current} already is the wanted value (then nothing is written for this field). */
    boolean holds(Object current) {
        return switch (type) {
            case STAGE -> current instanceof String s && s.equalsIgnoreCase((String) wanted);
            case NUMBER -> current == null ? wanted == null : wanted != null && Double.compare(((Number) current).doubleValue(), (Double) wanted) == 0;
            case DATE -> Objects.equals(current, wanted.toString());
            case TEXT -> Objects.equals(current, wanted);
            case OTHER -> current instanceof Number a && wanted instanceof Number b ? Double.compare(a.doubleValue(), b.doubleValue()) == 0
                    : Objects.equals(current == null ? null : current.toString(), wanted == null ? null : wanted.toString());
        };
    }

    /** The value as Salesforce takes it in a PATCH body. */
    JsonNode wire() {
        Object v = switch (type) {
            case NUMBER -> value instanceof Number ? value : wanted;
            case DATE -> wanted.toString();
            default -> wanted;
        };
        return Json.MAPPER.valueToTree(v);
    }

    /** {@code before} with the wanted values in place (when the record cannot be read back after a write). */
    static CrmOpportunity merged(CrmOpportunity before, List<OpportunityUpdate> updates) {
        CrmOpportunity o = before;
        for (OpportunityUpdate u : updates) {
            o = switch (u.key()) {
                case "stage" -> {
                    String stage = (String) u.wanted();
                    boolean won = stage.equals("Closed Won");
                    boolean closed = won || stage.equals("Closed Lost");
                    yield new CrmOpportunity(o.id(), o.name(), o.accountId(), stage, o.amount(), o.closeDate(), won, closed,
                            o.lossReason(), o.salesCycleDays(), o.owner(), o.qualificationScore());
                }
                case "amount" -> new CrmOpportunity(o.id(), o.name(), o.accountId(), o.stage(), (Double) u.wanted(), o.closeDate(),
                        o.isWon(), o.isClosed(), o.lossReason(), o.salesCycleDays(), o.owner(), o.qualificationScore());
                case "close_date" -> new CrmOpportunity(o.id(), o.name(), o.accountId(), o.stage(), o.amount(), (LocalDate) u.wanted(),
                        o.isWon(), o.isClosed(), o.lossReason(), o.salesCycleDays(), o.owner(), o.qualificationScore());
                case "name" -> new CrmOpportunity(o.id(), (String) u.wanted(), o.accountId(), o.stage(), o.amount(), o.closeDate(),
                        o.isWon(), o.isClosed(), o.lossReason(), o.salesCycleDays(), o.owner(), o.qualificationScore());
                case "qualification_score" -> new CrmOpportunity(o.id(), o.name(), o.accountId(), o.stage(), o.amount(), o.closeDate(),
                        o.isWon(), o.isClosed(), o.lossReason(), o.salesCycleDays(), o.owner(), (Double) u.wanted());
                default -> o;
            };
        }
        return o;
    }

    private static Object plain(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.isBoolean() ? v.asBoolean() : v.asString();
    }

    private static CrmException invalid(String message) {
        return new CrmException(CrmException.Kind.INVALID_REQUEST, message);
    }
}
