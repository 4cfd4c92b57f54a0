package io.citushibernate.examples.adanalytics;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generated ad-analytics data, written as CSV rows for COPY, one company at a time. Every value is a
 * pure function of (company, row), so each table can be written in its own pass and still agree with
 * the others (an ad's clicks_count is exactly its rows in clicks), and runs are repeatable.
 *
 * <p>Companies differ in size, from a quarter to 1.75 times {@code rowsPerTenant} events, the way real
 * tenants do; that gives the "isolate the largest tenant" step something to find.
 */
public final class SampleData {
  /** The shared geo_ips networks; clicks come from inside them (mostly) or from TEST-NET-1. */
  static final List<Network> NETWORKS = List.of(
      new Network("10.1.0.0/16", 52.52, 13.40), new Network("10.2.0.0/16", 40.71, -74.01),
      new Network("10.3.0.0/16", 35.68, 139.69), new Network("10.4.0.0/16", -23.55, -46.63),
      new Network("10.5.0.0/16", -33.87, 151.21), new Network("10.6.0.0/16", 6.52, 3.38),
      new Network("10.7.0.0/16", 19.08, 72.88), new Network("10.8.0.0/16", 52.37, 4.90));

  private static final String[] THEMES = {"Spring sale", "Back to school", "Black Friday", "Summer", "Launch",
      "Retargeting", "Brand", "Holiday", "Clearance", "Loyalty"};
  private static final String[] BROWSERS = {"Firefox", "Chrome", "Safari", "Edge"};
  private static final String[] SITES = {"https://news.example", "https://video.example", "https://blog.example",
      "https://shop.example", "https://games.example"};
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One geo_ips row. */
  record Network(String addrs, double latitude, double longitude) {
  }

  /** How much data one company has, and where its ids start (ids are unique across companies, like bigserial). */
  record Tenant(long id, int campaigns, int ads, int clicks, int impressions, long firstCampaignId, long firstAdId,
      long firstClickId, long firstImpressionId) {
  }

  private final List<Tenant> tenants;

  public SampleData(int companies, int rowsPerTenant) {
    List<Tenant> list = new ArrayList<>(companies);
    long campaign = 1;
    long ad = 1;
    long click = 1;
    long impression = 1;
    for (long id = 1; id <= companies; id++) {
      int events = Math.max(8, (int) Math.round(rowsPerTenant * (0.25 + 1.5 * unit(id, 1, 0))));
      int clicks = Math.max(2, events / 4);
      int campaigns = Math.max(2, events / 10);
      int ads = Math.max(2 * campaigns, events / 8);
      Tenant t = new Tenant(id, campaigns, ads, clicks, events - clicks, campaign, ad, click, impression);
      list.add(t);
      campaign += campaigns;
      ad += ads;
      click += t.clicks();
      impression += t.impressions();
    }
    tenants = List.copyOf(list);
  }

  public List<Tenant> tenants() {
    return tenants;
  }

  void company(Tenant t, StringBuilder csv) {
    csv.append(t.id()).append(",Company ").append(t.id()).append(",https://logos.example/").append(t.id())
        .append(".png,").append(time(0)).append(',').append(time(0)).append('\n');
  }

  void campaigns(Tenant t, StringBuilder csv) {
    for (int i = 0; i < t.campaigns(); i++) {
      double u = unit(t.id(), 2, i);
      String state = u < 0.6 ? "running" : u < 0.85 ? "paused" : "archived";
      String costModel = unit(t.id(), 3, i) < 0.5 ? "cost_per_click" : "cost_per_impression";
      long budget = 100L * (1 + (long) (unit(t.id(), 4, i) * 100));
      // text[] in CSV: an array literal, quoted because it holds a comma
      String blacklist = unit(t.id(), 5, i) < 0.3 ? "\"{https://spam.example,https://fraud.example}\"" : "{}";
      csv.append(t.firstCampaignId() + i).append(',').append(t.id()).append(',')
          .append(THEMES[i % THEMES.length]).append(' ').append(i / THEMES.length + 1).append(',')
          .append(costModel).append(',').append(state).append(',').append(budget).append(',').append(blacklist)
          .append(',').append(time(i)).append(',').append(time(i)).append('\n');
    }
  }

  void ads(Tenant t, StringBuilder csv) {
    long[] clicks = new long[t.ads()];
    long[] impressions = new long[t.ads()];
    for (int i = 0; i < t.clicks(); i++) {
      clicks[adOfClick(t, i)]++;
    }
    for (int i = 0; i < t.impressions(); i++) {
      impressions[adOfImpression(t, i)]++;
    }
    for (int i = 0; i < t.ads(); i++) {
      csv.append(t.firstAdId() + i).append(',').append(t.id()).append(',').append(t.firstCampaignId() + i % t.campaigns())
          .append(",Ad ").append(i + 1).append(",https://img.example/").append(t.id()).append('/').append(i)
          .append(".png,https://shop.example/c").append(t.id()).append(',').append(impressions[i]).append(',')
          .append(clicks[i]).append(',').append(time(i)).append(',').append(time(i)).append('\n');
    }
  }

  void clicks(Tenant t, StringBuilder csv) {
    for (int i = 0; i < t.clicks(); i++) {
      event(t, 20, i, t.firstClickId() + i, adOfClick(t, i), csv);
    }
  }

  void impressions(Tenant t, StringBuilder csv) {
    for (int i = 0; i < t.impressions(); i++) {
      event(t, 30, i, t.firstImpressionId() + i, adOfImpression(t, i), csv);
    }
  }

  void geoIps(StringBuilder csv) {
    for (Network n : NETWORKS) {
      csv.append(n.addrs()).append(",\"(").append(n.latitude()).append(',').append(n.longitude()).append(")\"\n");
    }
  }

  /** A click or impression row; {@code kind} keeps the two streams of random values apart. */
  private void event(Tenant t, int kind, int i, long id, int ad, StringBuilder csv) {
    boolean mobile = unit(t.id(), kind, i) < 0.45;
    String browser = BROWSERS[(int) (unit(t.id(), kind + 1, i) * BROWSERS.length)];
    double where = unit(t.id(), kind + 2, i);
    String ip = where < 0.9
        ? "10." + (1 + (int) (where / 0.9 * NETWORKS.size())) + "." + i % 250 + "." + (1 + i / 250 % 250)
        : "192.0.2." + (1 + i % 250);
    // When data differs across tenants: JSONB lets even-numbered companies record an extra key.
    String extra = t.id() % 2 == 0 ? ",\"\"ab_test\"\":\"\"" + (i % 2 == 0 ? "A" : "B") + "\"\"" : "";
    csv.append(id).append(',').append(t.id()).append(',').append(t.firstAdId() + ad).append(',')
        .append(time(i % 5000)).append(',').append(SITES[i % SITES.length]).append(',')
        .append(String.format(Locale.ROOT, "%.4f", 0.05 + unit(t.id(), kind + 3, i)))
        .append(',').append(ip).append(",\"{\"\"is_mobile\"\":").append(mobile).append(",\"\"browser\"\":\"\"")
        .append(browser).append("\"\"").append(extra).append("}\"\n");
  }

  /** Skewed: a few ads get most of the traffic, as in real campaigns. */
  private static int adOfClick(Tenant t, int i) {
    double u = unit(t.id(), 6, i);
    return (int) (u * u * t.ads());
  }

  private static int adOfImpression(Tenant t, int i) {
    double u = unit(t.id(), 7, i);
    return (int) (u * u * t.ads());
  }

  private static String time(int step) {
    return EPOCH.plusMinutes(97L * step).format(TIMESTAMP);
  }

  /** A uniform value in [0, 1) determined by its arguments (SplitMix64's finalizer). */
  static double unit(long company, int stream, long row) {
    long z = company * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + row * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
