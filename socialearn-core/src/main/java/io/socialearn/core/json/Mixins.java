package io.socialearn.core.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Jackson annotations that the annotation-free api types receive as mix-ins, and the rule
 * that api records are written as their record components only.
 */
final class Mixins {

  private Mixins() {}

  /** Events and commands: an object with a {@code "type"} property naming the subtype. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY,
      property = "type")
  abstract static class TypedByProperty {
    private TypedByProperty() {}
  }

  /**
   * {@code ContentRef}: the id wrapped in an object whose only key names its kind, such as
   * {@code {"thread":"t-1"}}.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  abstract static class TypedByWrapperKey {
    private TypedByWrapperKey() {}
  }

  /**
   * {@code ThreadId} and {@code PostId}: no type information where the declared type is the id
   * itself, so that they are plain strings there and wrapped only where a {@code ContentRef} is
   * declared.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  abstract static class Untyped {
    private Untyped() {}
  }

  /**
   * Drops the properties of an api record that are not record components, such as
   * {@code Viewer.isAdministrator()}, which Jackson would otherwise write as "administrator".
   * Records outside {@code io.socialearn.api} are left alone. Stateless and thread-safe.
   */
  static final class RecordComponentsOnly extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
        BeanDescription beanDesc, List<BeanPropertyWriter> beanProperties) {
      Class<?> type = beanDesc.getBeanClass();
      if (!type.isRecord() || !type.getName().startsWith("io.socialearn.api.")) {
        return beanProperties;
      }
      Set<String> components = new HashSet<>();
      for (RecordComponent component : type.getRecordComponents()) {
        components.add(component.getName());
      }
      List<BeanPropertyWriter> kept = new ArrayList<>(beanProperties.size());
      for (BeanPropertyWriter writer : beanProperties) {
        if (writer.getMember() != null && components.contains(writer.getMember().getName())) {
          kept.add(writer);
        }
      }
      return kept;
    }
  }
}
