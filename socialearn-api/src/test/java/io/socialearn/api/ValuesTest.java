package io.socialearn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void tagsAreNormalisedThenChecked() {
    assertThat(Tag.of("  Payroll Tax ")).isEqualTo(new Tag("payroll-tax"));
    assertThat(Tag.of("C++").value()).isEqualTo("c++");
    assertThat(Tag.of("C#").value()).isEqualTo("c#");
    assertThatThrownBy(() -> new Tag("Payroll")).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("tagCharacters"));
    assertThatThrownBy(() -> Tag.of("-leading")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Tag.of("x".repeat(36))).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("maxLength"));
    assertThatThrownBy(() -> Tag.of("   ")).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("notBlank"));
  }

  @Property
  void anyWordOfLettersIsAValidTagInLowerCase(
      @ForAll @AlphaChars @StringLength(min = 1, max = 35) String word) {
    assertThat(Tag.of(word).value()).isEqualTo(word.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void textIsStrippedAndBounded() {
    assertThat(Validate.text("title", "  hello  ", 10)).isEqualTo("hello");
    assertThatThrownBy(() -> Validate.text("title", "hello\u0000", 10))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("noControlCharacters"));
    assertThatThrownBy(() -> Validate.text("title", null, 10))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("title");
          assertThat(e.rule()).isEqualTo("required");
        });
    assertThat(Validate.text("body", "line one\nline two\ttabbed", 100)).contains("\n");
  }

  @Test
  void recordsCopyTheirCollections() {
    List<Tag> tags = new ArrayList<>(List.of(Tag.of("java")));
    StartThread command = new StartThread(SpaceId.of("s"), ThreadKind.QUESTION, "title", "body",
        tags);
    tags.add(Tag.of("kotlin"));
    assertThat(command.tags()).containsExactly(Tag.of("java"));
    assertThatThrownBy(() -> command.tags().add(Tag.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void onlyTheSystemViewerHoldsTheSystemRole() {
    assertThat(Viewer.system().isSystem()).isTrue();
    assertThat(Viewer.system().isAdministrator()).isTrue();
    assertThat(Viewer.administrator(PersonId.of("root")).isSystem()).isFalse();
    assertThatThrownBy(() -> new Viewer(PersonId.of("mallory"), Set.of(Viewer.Role.SYSTEM)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pagesAndRequestsCheckTheirBounds() {
    assertThatThrownBy(() -> PageRequest.first(101)).isInstanceOf(InvalidInputException.class);
    Page<String> page = new Page<>(List.of("a"), "next");
    assertThat(page.next(5)).contains(PageRequest.after("next", 5));
    assertThat(new Page<>(List.of(), null).next(5)).isEmpty();
  }

  @Test
  void declaredSkillsKeepAlphabeticalOrderSoProfilesAreWrittenAlike() {
    var profile = PersonProfile.builder(PersonId.of("ana"))
        .displayName("Ana").skills("payroll", "excel", "tax").build();
    assertThat(profile.declaredSkills()).extracting(Tag::value)
        .containsExactly("excel", "payroll", "tax");
    assertThat(profile.declaredSkills()).isEqualTo(Set.of(Tag.of("tax"), Tag.of("excel"),
        Tag.of("payroll")));
    assertThatThrownBy(() -> profile.declaredSkills().add(Tag.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLeavingDayGoesOnlyWithLeavingOrLeft() {
    PersonProfile.Builder ana = PersonProfile.builder(PersonId.of("ana")).displayName("Ana");
    LocalDate day = LocalDate.of(2026, 6, 30);
    for (PersonStatus staying : List.of(PersonStatus.ACTIVE, PersonStatus.AWAY)) {
      assertThatThrownBy(() -> ana.status(staying, day).build())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("leavingOn");
            assertThat(e.getMessage()).contains(staying.name());
          });
    }
    assertThat(ana.status(PersonStatus.AWAY, null).build().status())
        .isEqualTo(PersonStatus.AWAY);
    assertThat(ana.status(PersonStatus.LEAVING, day).build().leavingOn()).isEqualTo(day);
  }
}
