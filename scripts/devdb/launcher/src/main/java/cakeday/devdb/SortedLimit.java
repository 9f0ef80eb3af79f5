package cakeday.devdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server sorts every matching document before it applies a limit: a dispatch round's claim (the first 200
 * queued deliveries by `nextAttemptAt`) sorted all 100,000 of them. This keeps only the first `count` in a bounded
 * heap instead, ties in the order the documents came (as the server's stable sort keeps them), so the server, given
 * these alone, answers exactly what it would have answered from all of them.
 */
final class SortedLimit {

    private SortedLimit() {
    }

    private record Candidate(Document document, long arrival) {
    }

    static Stream<Document> first(Stream<Document> documents, Predicate<Document> matches, Comparator<Document> order, long count) {
        Comparator<Candidate> ascending = Comparator.<Candidate, Document>comparing(Candidate::document, order).thenComparingLong(Candidate::arrival);
        PriorityQueue<Candidate> kept = new PriorityQueue<>(ascending.reversed());
        long arrival = 0;
        for (Iterator<Document> iterator = documents.iterator(); iterator.hasNext();) {
            Document document = iterator.next();
            if (!matches.test(document)) {
                continue;
            }
            Candidate candidate = new Candidate(document, arrival++);
            if (kept.size() < count) {
                kept.add(candidate);
            } else if (ascending.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
        }
        List<Candidate> sorted = new ArrayList<>(kept);
        sorted.sort(ascending);
        return sorted.stream().map(Candidate::document);
    }
}
