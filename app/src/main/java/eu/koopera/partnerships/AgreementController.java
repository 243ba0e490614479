package eu.koopera.partnerships;

import eu.koopera.platform.tabular.TableFormat;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.UUID;

/** Agreements the caller's association owns or is named in. Roles are checked in the services. */
@Controller("/api/agreements")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgreementController {

    private final AgreementService agreements;
    private final BudgetService budget;
    private final ReviewService reviews;
    private final FulfilmentExportService exports;
    private final PlanService plans;

    AgreementController(AgreementService agreements, BudgetService budget, ReviewService reviews,
                        FulfilmentExportService exports, PlanService plans) {
        this.plans = plans;
        this.agreements = agreements;
        this.budget = budget;
        this.reviews = reviews;
        this.exports = exports;
    }

    @Post
    HttpResponse<AgreementResponse> create(@Body @Valid AgreementCommand command) {
        AgreementResponse created = agreements.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/agreements").path(created.id().toString()).build());
    }

    @Get
    AgreementPage search(@QueryValue @Nullable AgreementType type, @QueryValue @Nullable AgreementStatus status,
                         @QueryValue @Nullable @Min(1) Long member,
                         @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return agreements.search(type, status, member, page, size);
    }

    @Get("/{id}")
    AgreementResponse get(@PathVariable UUID id) {
        return agreements.get(id);
    }

    @Put("/{id}")
    AgreementResponse update(@PathVariable UUID id, @Body @Valid AgreementCommand command) {
        return agreements.update(id, command);
    }

    @Post("/{id}/confirm")
    AgreementResponse confirm(@PathVariable UUID id) {
        return agreements.confirm(id);
    }

    @Post("/{id}/commitments")
    HttpResponse<CommitmentResponse> commit(@PathVariable UUID id, @Body @Valid CommitmentCommand command) {
        return HttpResponse.created(budget.commit(id, command));
    }

    @Post("/{id}/spending")
    HttpResponse<SpendingResponse> spend(@PathVariable UUID id, @Body @Valid SpendingCommand command) {
        return HttpResponse.created(budget.spend(id, command));
    }

    @Get("/{id}/fulfilment")
    Fulfilment fulfilment(@PathVariable UUID id) {
        return budget.fulfilment(id);
    }

    @Get("/{id}/fulfilment/export")
    HttpResponse<byte[]> fulfilmentFile(@PathVariable UUID id, @QueryValue(defaultValue = "csv") String format) {
        TableFormat tableFormat = TableFormat.named(format);
        return tableFormat.attachment("fulfilment", exports.fulfilment(id, tableFormat));
    }

    @Post("/{id}/reviews")
    HttpResponse<ReviewResponse> review(@PathVariable UUID id, @Body @Valid ReviewCommand command) {
        return HttpResponse.created(reviews.review(id, command));
    }

    @Get("/{id}/reviews")
    List<ReviewResponse> reviews(@PathVariable UUID id) {
        return reviews.reviews(id);
    }

    @Get("/{id}/plan")
    PlanResponse plan(@PathVariable UUID id) {
        return plans.plan(id);
    }

    @Put("/{id}/plan")
    PlanResponse replacePlan(@PathVariable UUID id, @Body @Valid PlanCommand command) {
        return plans.replace(id, command);
    }
}
