package cakeday.devdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server uses a unique index only for a query on exactly that index's fields: {_id: x} is a lookup, but
 * {_id: x, state: 'queued'} (every conditional update Cakeday makes) scans the whole collection, about 40 ms a query
 * at 100,000 documents, and it keeps no non-unique index at all. This narrows a query to the documents its indexed
 * fields select (a unique index all of whose fields it names, else the SecondaryIndex whose first field it names
 * with the fewest documents), and the server then matches the whole query against those alone, so the answer is the
 * same as the scan's.
 */
final class IndexedLookup {

    private IndexedLookup() {
    }

    /**
     * The positions of the documents the query can match, in the collection's natural order, or null when no index
     * narrows it (the caller scans). `allDocuments` builds a secondary index the first time a query could use it.
     */
    static <P> Iterable<P> positions(List<Index<P>> indexes, Document query, Document orderBy, Supplier<Iterable<Document>> allDocuments) {
        // Narrowed positions come in index order: a query asking for the natural order itself is left to the scan.
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            Document indexed = indexedPart(index, query);
            if (indexed != null && index.canHandle(indexed)) {
                return index.getPositions(indexed);
            }
        }
        return secondaryPositions(indexes, query, allDocuments);
    }

    private static <P> Iterable<P> secondaryPositions(List<Index<P>> indexes, Document query, Supplier<Iterable<Document>> allDocuments) {
        Index<P> idIndex = idIndex(indexes);
        if (idIndex == null) {
            return null;
        }
        Set<Object> fewest = null;
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                Set<Object> ids = secondary.idsFor(query, allDocuments);
                if (ids != null && (fewest == null || ids.size() < fewest.size())) {
                    fewest = ids;
                }
            }
        }
        if (fewest == null) {
            return null;
        }
        List<P> positions = new ArrayList<>(fewest.size());
        for (Object id : fewest) {
            P position = idIndex.getPosition(new Document("_id", id));
            if (position != null) {
                positions.add(position);
            }
        }
        // The scan's order, for a query with a limit and no sort (the memory backend's positions are insertion slots).
        positions.sort(ValueComparator.asc());
        return positions;
    }

    private static <P> Index<P> idIndex(List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            List<IndexKey> keys = index.getKeys();
            if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
                return index;
            }
        }
        return null;
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
