package com.focusracer.timing;

import java.util.List;

/**
 * What an import did.
 *
 * @param passings the passings kept
 * @param points the timing points whose passings were replaced
 * @param unknownCodes lines whose bib or chip is on no start list, skipped
 * @param firstUnknownLines the first of those lines' numbers
 */
public record TimingImport(int passings, List<String> points, int unknownCodes, List<Integer> firstUnknownLines) {
}
