package io.socialearn.api.space;

/** Where an ask-the-expert session stands at the moment it is read. */
public enum SessionState {
  /** Before it starts: questions may be asked in advance. */
  SCHEDULED,
  /** Between its start and its end: the expert answers live. */
  LIVE,
  /** Over: its threads stay searchable and stay marked as the session's. */
  ENDED
}
