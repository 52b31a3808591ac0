package io.socialearn.core.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.core.json.SocialearnJson;

/**
 * The one JSON form of an event every durable log writes (the file log's records, the SQL log's
 * rows): one mapper for all of them, since building one is slow and a built one is thread-safe.
 */
final class EventJson {
  private static final ObjectMapper MAPPER = SocialearnJson.newMapper()
      .registerModule(SharedIds.module());
  static final ObjectWriter WRITER = MAPPER.writerFor(DomainEvent.class);
  static final ObjectReader READER = MAPPER.readerFor(DomainEvent.class);

  private EventJson() {}
}
