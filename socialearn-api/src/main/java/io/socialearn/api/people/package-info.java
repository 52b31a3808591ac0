/**
 * People: {@link io.socialearn.api.people.PersonId}, their {@link
 * io.socialearn.api.people.PersonProfile}, and the {@link io.socialearn.api.people.PersonDirectory}
 * SPI through which the host's user store stays the source of people.
 */
package io.socialearn.api.people;
