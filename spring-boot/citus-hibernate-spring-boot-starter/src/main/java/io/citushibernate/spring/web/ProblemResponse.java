package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an RFC 9457 problem document: the one answer format of the filter and the exception resolver. */
final class ProblemResponse {
  private ProblemResponse() {
  }

  static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
        + ",\"detail\":" + json(detail) + "}");
    response.flushBuffer();
  }

  private static String json(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
