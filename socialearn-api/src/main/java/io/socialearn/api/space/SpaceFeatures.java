package io.socialearn.api.space;

/**
 * Which features are on in a space, so that an organisation can pilot socialearn department by
 * department and switch parts on as a space is ready for them. Immutable.
 *
 * @param voting whether people may vote on posts in the space
 * @param reputationShown whether hosts should show reputation in the space (the engine still
 *     counts it; this tells the host's UI)
 * @param routing whether new questions in the space are routed to people who know (when the
 *     engine routes at all)
 * @param externalGuests whether external contacts may be invited into the space
 */
public record SpaceFeatures(boolean voting, boolean reputationShown, boolean routing,
    boolean externalGuests) {

  private static final SpaceFeatures ALL = new SpaceFeatures(true, true, true, true);

  /** Everything on: the default for a new space. */
  public static SpaceFeatures all() {
    return ALL;
  }

  /** These features with voting on or off. */
  public SpaceFeatures withVoting(boolean on) {
    return new SpaceFeatures(on, reputationShown, routing, externalGuests);
  }

  /** These features with reputation shown or hidden. */
  public SpaceFeatures withReputationShown(boolean on) {
    return new SpaceFeatures(voting, on, routing, externalGuests);
  }

  /** These features with routing on or off. */
  public SpaceFeatures withRouting(boolean on) {
    return new SpaceFeatures(voting, reputationShown, on, externalGuests);
  }

  /** These features with external guests allowed or not. */
  public SpaceFeatures withExternalGuests(boolean on) {
    return new SpaceFeatures(voting, reputationShown, routing, on);
  }
}
