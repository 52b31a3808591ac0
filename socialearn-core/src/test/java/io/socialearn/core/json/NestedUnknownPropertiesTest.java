package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.SpaceConfigured;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import org.junit.jupiter.api.Test;

/** The records events hold ignore unknown properties too, even in a strict host mapper. */
class NestedUnknownPropertiesTest {

  /**
   * SocialearnJacksonModule#setupModule: "makes events and the records stored with them ignore
   * unknown properties" (class Javadoc: "even in a mapper that otherwise fails on them").
   * SpaceFeatures is stored inside space.configured; a flag added by a later version must not
   * make the stored event unreadable in a strict host mapper.
   */
  @Test
  void aRecordStoredInsideAnEventIgnoresUnknownPropertiesInAStrictHostMapper() throws Exception {
    ObjectMapper strict = new ObjectMapper().registerModule(new SocialearnJacksonModule());
    String json = "{\"type\":\"space.configured\",\"space\":\"s-1\",\"features\":{\"voting\":true,"
        + "\"reputationShown\":true,\"routing\":false,\"externalGuests\":true,"
        + "\"addedLater\":true},\"by\":\"alice\"}";
    assertThat(strict.readValue(json, DomainEvent.class)).isEqualTo(new SpaceConfigured(
        SpaceId.of("s-1"), SpaceFeatures.all().withRouting(false), PersonId.of("alice")));
  }
}
