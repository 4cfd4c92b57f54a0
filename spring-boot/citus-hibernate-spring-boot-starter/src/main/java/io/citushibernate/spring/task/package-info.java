/** The tenant carried into Spring's executors ({@code @Async}, task executors, async MVC). */
package io.citushibernate.spring.task;
