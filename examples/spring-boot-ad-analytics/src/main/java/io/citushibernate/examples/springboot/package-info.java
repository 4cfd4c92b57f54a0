/**
 * The ad-analytics tutorial as a Spring Boot REST service on the citus-hibernate starter: the
 * tenant (company) comes from each request, and nothing in the application's code names it.
 */
package io.citushibernate.examples.springboot;
