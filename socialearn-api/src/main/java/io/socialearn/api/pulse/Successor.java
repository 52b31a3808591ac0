package io.socialearn.api.pulse;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;

/**
 * Someone who could take over a topic: the next expert after the person leaving. Immutable.
 *
 * @param topic the topic
 * @param person who could take over
 * @param acceptedAnswers their accepted answers in the topic
 * @param answers their answers in the topic
 */
public record Successor(Tag topic, PersonId person, int acceptedAnswers, int answers) {}
