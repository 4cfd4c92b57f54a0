package io.citushibernate.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one published artifact as stable, sorted text: every public or protected type
 * outside {@code internal} packages, with its supertypes and its public and protected members, in
 * the compiler's generic form. Binary-incompatible changes (a removed or changed member, a type
 * made final) and additions both change the text.
 */
public final class ApiSignatures {
  private ApiSignatures() {
  }

  /** The signatures of the artifact (directory or jar on the class path) that holds {@code marker}. */
  public static List<String> of(Class<?> marker) {
    List<String> lines = new ArrayList<>();
    classNames(location(marker)).stream()
        .filter(name -> !name.contains(".internal.") && !name.endsWith("package-info") && !name.endsWith("module-info"))
        .map(name -> load(name, marker.getClassLoader()))
        .filter(ApiSignatures::isApi)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(type -> lines.addAll(describe(type)));
    return lines;
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || !visible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> describe(Class<?> type) {
    StringBuilder header = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      header.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      header.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    List<String> members = new ArrayList<>();
    Stream.of(type.getDeclaredFields()).filter(ApiSignatures::visibleMember).map(Field::toGenericString)
        .forEach(members::add);
    Stream.of(type.getDeclaredConstructors()).filter(ApiSignatures::visibleMember).map(Executable::toGenericString)
        .forEach(members::add);
    Stream.of(type.getDeclaredMethods()).filter(ApiSignatures::visibleMember).filter(m -> !m.isBridge())
        .map(ApiSignatures::method).forEach(members::add);
    members.sort(null);
    List<String> lines = new ArrayList<>();
    lines.add(header.toString());
    members.forEach(member -> lines.add("  " + member));
    return lines;
  }

  private static boolean visibleMember(Member member) {
    return !member.isSynthetic() && visible(member.getModifiers());
  }

  private static String method(Method method) {
    Object defaultValue = method.getDefaultValue();
    return method.toGenericString() + (defaultValue == null ? "" : " default " + defaultText(defaultValue));
  }

  private static String defaultText(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(ApiSignatures::defaultText).collect(Collectors.joining(", ", "{", "}"));
    }
    return value instanceof Class<?> c ? c.getName() + ".class" : String.valueOf(value);
  }

  private static Path location(Class<?> marker) {
    try {
      return Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classNames(Path location) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(file -> location.relativize(file).toString().replace('\\', '/'))
              .filter(path -> path.endsWith(".class"))
              .forEach(path -> names.add(className(path)));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String path = entries.nextElement().getName();
            if (path.endsWith(".class") && !path.startsWith("META-INF/")) {
              names.add(className(path));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
