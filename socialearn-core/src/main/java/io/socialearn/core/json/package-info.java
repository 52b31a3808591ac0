/**
 * JSON mapping of the socialearn api types for Jackson 2, without annotations on the api.
 *
 * <p>Start from {@link io.socialearn.core.json.SocialearnJson#newMapper()}, which returns a
 * ready {@code ObjectMapper}; a host that configures its own mapper registers
 * {@link io.socialearn.core.json.SocialearnJacksonModule} instead. The JSON form of events is a
 * storage format: the type names in the {@code "type"} property and the property names (the
 * record component names) are stable, and changing them needs a migration of stored events.
 */
package io.socialearn.core.json;
