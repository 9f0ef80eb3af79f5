package cakeday.devdb;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server uses a unique index only for a query on exactly that index's fields: {_id: x} is a lookup, but
 * {_id: x, state: 'queued'} (every conditional update Cakeday makes) scans the whole collection, about 40 ms a query
 * at 100,000 documents, and it keeps no non-unique index at all. This narrows a query to the documents its indexed
 * fields select: a unique index all of whose fields it names; else, for a sorted query with a limit, a SecondaryIndex
 * that can walk them in the sort's order; else the SecondaryIndex whose first field it names with the fewest
 * documents. The server then matches the whole query against those alone, so the answer is the same as the scan's.
 */
final class IndexedLookup {

    /** Positions to match the query against; `inSortOrder` when they already come in the query's sort order. */
    record Narrowed<P>(Iterable<P> positions, boolean inSortOrder) {
    }

    private IndexedLookup() {
    }

    /**
     * Where the query's documents can be, in the collection's natural order (or the sort's), or null when no index
     * narrows it (the caller scans). `allDocuments` builds a secondary index the first time a query could use it.
     */
    static <P> Narrowed<P> narrow(List<Index<P>> indexes, Document query, Document orderBy, int limit, Supplier<Iterable<DocumentWithPosition<P>>> allDocuments) {
        // Narrowed positions come in index order: a query asking for the natural order itself is left to the scan.
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        for (Index<P> index : indexes) {
            Document indexed = index.isUnique() ? indexedPart(index, query) : null;
            if (indexed != null && index.canHandle(indexed)) {
                return new Narrowed<>(index.getPositions(indexed), false);
            }
        }
        if (limit > 0) {
            for (Index<P> index : indexes) {
                Iterable<P> inOrder = index instanceof SecondaryIndex<P> secondary ? secondary.positionsInOrder(query, orderBy, allDocuments) : null;
                if (inOrder != null) {
                    return new Narrowed<>(inOrder, true);
                }
            }
        }
        List<P> fewest = null;
        for (Index<P> index : indexes) {
            List<P> positions = index instanceof SecondaryIndex<P> secondary ? secondary.positionsFor(query, allDocuments) : null;
            if (positions != null && (fewest == null || positions.size() < fewest.size())) {
                fewest = positions;
            }
        }
        if (fewest == null) {
            return null;
        }
        // The scan's order, for a query with a limit and no sort: the memory backend's positions are its slots
        // (integers, sorted as such: the generic comparator took longer than the query), H2's are the ids.
        fewest.sort(fewest.isEmpty() || fewest.get(0) instanceof Integer ? null : ValueComparator.asc());
        return new Narrowed<>(fewest, false);
    }

    /** The query's conditions on every field of the index, or null when it leaves one out. */
    private static Document indexedPart(Index<?> index, Document query) {
        Document indexed = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!query.containsKey(key.getKey())) {
                return null;
            }
            indexed.put(key.getKey(), query.get(key.getKey()));
        }
        return indexed;
    }
}
