package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Tells socialearn that the actor read a thread (the host calls it when a thread is opened).
 * Each person counts once per thread: a second view records nothing and is not an error. Views
 * show which questions people look for, for example when capturing what a leaver knows.
 *
 * @param thread the thread read
 */
public record RecordView(ThreadId thread) implements Command<Done> {
  /** Checks that nothing is missing. */
  public RecordView {
    Validate.required("thread", thread);
  }
}
