package io.citushibernate.spring.web;

/**
 * A request that cannot name its tenant, with the HTTP status it answers: {@code 400} for a missing
 * or malformed tenant, {@code 401} when the tenant comes from an authentication the request lacks,
 * {@code 403} when the authenticated principal carries no tenant.
 */
public class TenantResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  public TenantResolutionException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** A short summary, the same for every occurrence of the problem. */
  public String title() {
    return title;
  }
}
