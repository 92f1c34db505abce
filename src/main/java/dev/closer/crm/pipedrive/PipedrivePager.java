package dev.closer.crm.pipedrive;

import dev.closer.crm.CrmException;
import dev.closer.crm.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pages of Closer records over Pipedrive's cursor pages when some filters can only be applied here
 * (the deals API cannot filter by close date, the organizations API not by custom fields or region).
 *
 * <p>A page of {@code limit} records keeps fetching vendor pages until it holds {@code limit}
 * matches or Pipedrive has no more pages (or a bound of vendor pages per call is reached, so one
 * narrow filter over a large account cannot spend the daily API budget in one call; the caller then
 * gets fewer records and a cursor to go on). Usually it stops in the middle of a vendor page, so
 * the cursor it returns is a {@link Position}: the vendor cursor <em>of the page it stopped in</em>,
 * the page size it used, and where in that page the next match is — that record's id, and its index
 * as a fallback. Resuming fetches that same vendor page again and starts at the record with that id;
 * lists are requested sorted by id, so if the record was deleted meanwhile the first later id is
 * where to start (for relevance-ordered search results, the index). Nothing is returned twice and
 * nothing is skipped, whatever the caller's limit on the next call. When the page runs out of matches
 * the cursor is simply the vendor's next cursor; when the vendor has no next page and the rest of the
 * current one holds no match, the cursor is null. A non-null cursor can still lead to an empty last
 * page: whether later vendor pages hold a match is unknown until they are read.
 */
final class PipedrivePager {

    /** One vendor page of mapped records and the vendor's cursor for the next one (null at the end). */
    record VendorPage<T>(List<T> items, String next) {
    }

    @FunctionalInterface
    interface Fetch<T> {
        VendorPage<T> fetch(String vendorCursor, int vendorLimit);
    }

    /** Where a page stopped: the vendor page (cursor, size) and the next record in it (id, index). */
    record Position(String vendorCursor, int vendorLimit, String startId, int startIndex) {

        private static final String PREFIX = "pd1";

        String encode() {
            String raw = String.join("|", PREFIX, String.valueOf(vendorLimit), String.valueOf(startIndex),
                    startId == null ? "" : startId, vendorCursor == null ? "" : vendorCursor);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                String[] p = raw.split("\\|", 5);
                if (p.length != 5 || !p[0].equals(PREFIX)) {
                    throw new IllegalArgumentException();
                }
                Position at = new Position(p[4].isEmpty() ? null : p[4], Integer.parseInt(p[1]), p[3].isEmpty() ? null : p[3],
                        Integer.parseInt(p[2]));
                if (at.vendorLimit() < 1 || at.vendorLimit() > 500 || at.startIndex() < 0) {
                    throw new IllegalArgumentException();
                }
                return at;
            } catch (IllegalArgumentException e) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "cursor '" + cursor
                        + "' was not issued by the Pipedrive adapter; pass back a next_cursor exactly as received");
            }
        }
    }

    private PipedrivePager() {
    }

    /**
     * @param idOrdered whether the vendor lists records by ascending integer id (lists sorted by id; not search)
     */
    static <T> Page<T> page(Fetch<T> fetch, Predicate<T> keep, Function<T, String> id, boolean idOrdered,
                            int limit, int vendorLimit, int maxVendorPages, String cursor) {
        Position at = cursor == null || cursor.isBlank() ? new Position(null, vendorLimit, null, 0) : Position.decode(cursor);
        List<T> out = new ArrayList<>();
        String pageCursor = at.vendorCursor();
        int size = at.vendorLimit();
        for (int pages = 1; ; pages++) {
            VendorPage<T> vp = fetch.fetch(pageCursor, size);
            List<T> items = vp.items();
            for (int i = pages == 1 ? start(items, at, id, idOrdered) : 0; i < items.size(); i++) {
                T t = items.get(i);
                if (!keep.test(t)) {
                    continue;
                }
                if (out.size() == limit) {
                    // A further match in this page: the next call starts here, in this same vendor page.
                    return new Page<>(out, new Position(pageCursor, size, id.apply(t), i).encode());
                }
                out.add(t);
            }
            if (vp.next() == null || vp.next().isBlank()) {
                return new Page<>(out, null);
            }
            if (out.size() == limit || pages >= maxVendorPages) {
                return new Page<>(out, new Position(vp.next(), size, null, 0).encode());
            }
            pageCursor = vp.next();
        }
    }

    /** Where to resume in the re-fetched vendor page. */
    private static <T> int start(List<T> items, Position at, Function<T, String> id, boolean idOrdered) {
        if (at.startId() == null) {
            return Math.min(at.startIndex(), items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            if (at.startId().equals(id.apply(items.get(i)))) {
                return i;
            }
        }
        if (idOrdered && PipedriveJson.isId(at.startId())) {
            long start = Long.parseLong(at.startId());
            for (int i = 0; i < items.size(); i++) {
                String other = id.apply(items.get(i));
                if (PipedriveJson.isId(other) && Long.parseLong(other) >= start) {
                    return i;
                }
            }
            return items.size();
        }
        return Math.min(at.startIndex(), items.size());
    }
}
