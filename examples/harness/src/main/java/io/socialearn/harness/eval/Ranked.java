package io.socialearn.harness.eval;

/**
 * One ranked candidate.
 *
 * @param id the candidate's id as the data set names it
 * @param score the ranker's score; comparable only within one ranking
 */
public record Ranked(String id, double score) {}
