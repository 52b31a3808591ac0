package io.socialearn.api.command;

import io.socialearn.api.Done;

/**
 * Tells socialearn that the actor visited today (the host calls it when a person opens the app);
 * days visited count towards trust levels. A second visit on the same day records nothing and is
 * not an error: it returns the log's current sequence.
 */
public record RecordVisit() implements Command<Done> {}
