package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;

/** Improvement plans. Roles and ownership are checked in {@link PlanService}. */
@Controller("/api/plans")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @Post
    HttpResponse<Plan> create(@Body @Valid PlanCommand command) {
        Plan created = plans.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/plans").path(Long.toString(created.id())).build());
    }

    @Get
    List<Plan> list(@QueryValue @Nullable Long member) {
        return plans.list(member);
    }

    @Get("/{id}")
    Plan get(@PathVariable long id) {
        return plans.get(id);
    }

    @Put("/{id}")
    Plan update(@PathVariable long id, @Body @Valid PlanCommand command) {
        return plans.update(id, command);
    }
}
