package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The current company's campaigns, ads and statistics. No tenant appears in this code: the starter scopes it. */
@RestController
public class CampaignController {
  /** A campaign as the API shows it. */
  public record CampaignView(Long id, Long companyId, String name, String state, Integer monthlyBudget) {
    static CampaignView of(Campaign c) {
      return new CampaignView(c.getId(), c.getCompanyId(), c.getName(), c.getState(), c.getMonthlyBudget());
    }
  }

  /** A new campaign; companyId is optional and, when given, must be the caller's company. */
  public record NewCampaign(String name, Integer monthlyBudget, Long companyId) {
  }

  /** The company's name, to register or rename it. */
  public record CompanyName(String name) {
  }

  private final CompanyRepository companies;
  private final CampaignRepository campaigns;
  private final AdRepository ads;
  private final CampaignReports reports;

  public CampaignController(CompanyRepository companies, CampaignRepository campaigns, AdRepository ads,
      CampaignReports reports) {
    this.companies = companies;
    this.campaigns = campaigns;
    this.ads = ads;
    this.reports = reports;
  }

  /** Registers the request's company (the tenant is the company's id), or renames it. */
  @PutMapping("/company")
  @Transactional
  public Map<String, Object> company(@RequestBody CompanyName request) {
    Long id = (Long) TenantContext.require();
    Company company = companies.findById(id).orElseGet(() -> companies.save(new Company(id, request.name())));
    company.setName(request.name());
    return Map.of("id", company.getId(), "name", company.getName());
  }

  @GetMapping("/campaigns")
  public List<CampaignView> campaigns(@RequestParam(required = false) String state) {
    List<Campaign> found = state == null ? campaigns.findAll(Sort.by("id")) : campaigns.findByStateOrderByIdAsc(state);
    return found.stream().map(CampaignView::of).toList();
  }

  @GetMapping("/campaigns/page")
  public Map<String, Object> page(@RequestParam int page, @RequestParam int size) {
    Page<Campaign> result = campaigns.findAll(PageRequest.of(page, size, Sort.by("id")));
    return Map.of("total", result.getTotalElements(),
        "content", result.getContent().stream().map(CampaignView::of).toList());
  }

  @GetMapping("/campaigns/top")
  public List<CampaignView> top() {
    return campaigns.topByBudget().stream().map(CampaignView::of).toList();
  }

  @GetMapping("/campaigns/{id}")
  public CampaignView campaign(@PathVariable long id) {
    return campaigns.findById(id).map(CampaignView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No campaign " + id));
  }

  @PostMapping("/campaigns")
  @Transactional
  public CampaignView create(@RequestBody NewCampaign request) {
    Campaign campaign = new Campaign(request.name(), "running", request.monthlyBudget());
    if (request.companyId() != null) {
      campaign.setCompanyId(request.companyId());
    }
    return CampaignView.of(campaigns.saveAndFlush(campaign));
  }

  @GetMapping("/stats/clicks")
  public List<Map<String, Object>> clicksByCampaign() {
    return ads.clicksByCampaign().stream()
        .map(row -> Map.<String, Object>of("campaign", row[0], "clicks", row[1], "impressions", row[2]))
        .toList();
  }

  @GetMapping("/stats/budget")
  public List<Map<String, Object>> budgetByState() {
    return campaigns.budgetByStateNative().stream()
        .map(row -> Map.<String, Object>of("state", row[0], "campaigns", ((Number) row[1]).longValue(),
            "budget", ((Number) row[2]).longValue()))
        .toList();
  }

  @GetMapping("/stats/count")
  public Map<String, Long> counts() throws Exception {
    return Map.of("jpa", campaigns.count(),
        "jdbc", reports.countWithJdbc(),
        "jdbcInTransaction", reports.countWithJdbcAfterAnUncommittedInsert(),
        "async", reports.countInBackground().get());
  }
}
