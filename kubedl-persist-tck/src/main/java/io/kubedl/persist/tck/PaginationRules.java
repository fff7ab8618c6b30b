package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.Q3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PageSize;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule Q3: keyset pagination, page tokens bound to their filter, and count. */
interface PaginationRules extends TckSupport {

    private List<JobRecord> insertJobs(int count) {
        List<JobRecord> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(records().tfJob("job-" + i));
        }
        jobs().saveAll(made);
        return made;
    }

    /** Required, rule {@link ContractRule#Q3}: walking all pages returns every job once in order. */
    @Test
    default void required_Q3_walkingAllPagesReturnsEveryJobOnceInOrder() {
        insertJobs(23);
        List<JobRecord> onePage = jobs().list(JobQuery.builder().pageSize(PageSize.MAX).build()).items();
        assertThat(onePage).hasSize(23);
        for (int size : new int[] {1, 5, 7, 22, 23, 24}) {
            assertThat(allJobs(JobQuery.builder().pageSize(size).build()))
                    .as(Q3.says("walking pages of " + size + " must return every row exactly once, in listing order"))
                    .containsExactlyElementsOf(onePage);
        }
    }

    /** Required, rule {@link ContractRule#Q3}: pages hold page size rows and the last has no token. */
    @Test
    default void required_Q3_pagesHoldPageSizeRowsAndTheLastHasNoToken() {
        insertJobs(12);
        Page<JobRecord> first = jobs().list(JobQuery.builder().pageSize(5).build());
        assertThat(first.items()).as(Q3.says("a page must hold pageSize rows when more exist")).hasSize(5);
        assertThat(first.nextPageToken()).as(Q3.says("a page followed by more rows must carry a next-page token")).isNotNull();
        Page<JobRecord> second = jobs().list(JobQuery.builder().pageSize(5).pageToken(first.nextPageToken()).build());
        assertThat(second.items()).hasSize(5);
        Page<JobRecord> third = jobs().list(JobQuery.builder().pageSize(5).pageToken(second.nextPageToken()).build());
        assertThat(third.items()).as(Q3.says("the last page holds the rest")).hasSize(2);
        assertThat(third.nextPageToken()).as(Q3.says("the last page must have no next-page token")).isNull();
        Page<JobRecord> all = jobs().list(JobQuery.builder().pageSize(20).build());
        assertThat(all.nextPageToken()).as(Q3.says("a page that holds every row must have no next-page token")).isNull();
    }

    /** Required, rule {@link ContractRule#Q3}: default page size is fifty. */
    @Test
    default void required_Q3_defaultPageSizeIsFifty() {
        insertJobs(53);
        Page<JobRecord> first = jobs().list(JobQuery.builder().build());
        assertThat(first.items()).as(Q3.says("the default page size is 50")).hasSize(PageSize.DEFAULT);
        assertThat(first.hasNext()).isTrue();
        assertThat(catchThrowable(() -> JobQuery.builder().pageSize(PageSize.MAX + 1).build()))
                .as(Q3.says("a page size above 1000 must be refused")).isInstanceOf(InvalidRecordException.class);
    }

    /** Required, rule {@link ContractRule#Q3}: token of another filter is refused. */
    @Test
    default void required_Q3_tokenOfAnotherFilterIsRefused() {
        insertJobs(6);
        String token = jobs().list(JobQuery.builder().kind("TFJob").pageSize(2).build()).nextPageToken();
        assertThat(token).isNotNull();
        assertThat(catchThrowable(() -> jobs().list(JobQuery.builder().kind("PyTorchJob").pageSize(2).pageToken(token).build())))
                .as(Q3.says("a token issued for one filter must be refused with another filter (InvalidPageTokenException)"))
                .isInstanceOf(InvalidPageTokenException.class);
        assertThat(catchThrowable(() -> jobs().list(JobQuery.builder().pageSize(2).pageToken(token).build())))
                .as(Q3.says("a token issued for a filtered listing must be refused without that filter"))
                .isInstanceOf(InvalidPageTokenException.class);
        assertThat(jobs().list(JobQuery.builder().kind("TFJob").pageSize(3).pageToken(token).build()).items())
                .as(Q3.says("the page size is not part of the filter: the same filter with another size accepts the token")).hasSize(3);
    }

    /** Required, rule {@link ContractRule#Q3}: malformed token is refused. */
    @Test
    default void required_Q3_malformedTokenIsRefused() {
        insertJobs(3);
        for (String bad : new String[] {"not-a-token", "AAAA", "%%%", "eyJpZCI6MX0"}) {
            assertThat(catchThrowable(() -> jobs().list(JobQuery.builder().pageToken(bad).build())))
                    .as(Q3.says("a malformed or forged token '" + bad + "' must be refused with InvalidPageTokenException"))
                    .isInstanceOf(InvalidPageTokenException.class);
            assertThat(catchThrowable(() -> pods().list(PodQuery.builder().pageToken(bad).build())))
                    .as(Q3.says("a malformed pod token '" + bad + "' must be refused with InvalidPageTokenException"))
                    .isInstanceOf(InvalidPageTokenException.class);
        }
    }

    /** Required, rule {@link ContractRule#Q3}: job token is not a pod token. */
    @Test
    default void required_Q3_jobTokenIsNotAPodToken() {
        insertJobs(4);
        String token = jobs().list(JobQuery.builder().pageSize(2).build()).nextPageToken();
        assertThat(catchThrowable(() -> pods().list(PodQuery.builder().pageSize(2).pageToken(token).build())))
                .as(Q3.says("a job listing's token must be refused by the pod listing")).isInstanceOf(InvalidPageTokenException.class);
    }

    /** Required, rule {@link ContractRule#Q3}: walking all pod pages returns every pod once in order. */
    @Test
    default void required_Q3_walkingAllPodPagesReturnsEveryPodOnceInOrder() {
        JobRecord job = records().tfJob("mnist");
        List<PodRecord> pods = new ArrayList<>(records().workers(job, 14));
        pods.add(records().pod(job, "ps", 0).build());
        pods.add(records().pod(job, "ps", 1).build());
        pods().saveAll(pods);
        List<PodRecord> onePage = pods().list(PodQuery.builder().pageSize(PageSize.MAX).build()).items();
        assertThat(onePage).hasSize(16);
        for (int size : new int[] {1, 3, 10, 16}) {
            assertThat(allPods(PodQuery.builder().pageSize(size).build()))
                    .as(Q3.says("walking pod pages of " + size + " must return every pod exactly once, in pod order"))
                    .containsExactlyElementsOf(onePage);
        }
        String token = pods().list(PodQuery.builder().replicaType("worker").pageSize(4).build()).nextPageToken();
        assertThat(catchThrowable(() -> pods().list(PodQuery.builder().replicaType("ps").pageSize(4).pageToken(token).build())))
                .as(Q3.says("a pod token must be bound to its filter")).isInstanceOf(InvalidPageTokenException.class);
    }

    /** Optional, rule {@link ContractRule#Q3}: count matches the filter and ignores the page. */
    @Test
    default void optional_Q3_countMatchesTheFilterAndIgnoresThePage() {
        assumeCapability(Capability.COUNT, Q3);
        List<JobRecord> made = insertJobs(9);
        jobs().save(records().running(made.get(0)));
        jobs().save(records().running(made.get(1)));
        JobQuery all = JobQuery.builder().pageSize(2).build();
        assertThat(declared(Capability.COUNT, Q3, () -> jobs().count(all))).as(Q3.says("count must count every row, not one page")).isEqualTo(9);
        JobQuery running = JobQuery.builder().statuses(JobStatus.RUNNING).pageSize(1).build();
        assertThat(declared(Capability.COUNT, Q3, () -> jobs().count(running))).as(Q3.says("count must apply the filters")).isEqualTo(2);
        String token = jobs().list(all).nextPageToken();
        assertThat(declared(Capability.COUNT, Q3, () -> jobs().count(all.nextPage(token)))).as(Q3.says("count ignores the page token")).isEqualTo(9);
        pods().saveAll(records().workers(made.get(0), 4));
        assertThat(declared(Capability.COUNT, Q3, () -> pods().count(PodQuery.builder().jobId(made.get(0).jobId()).pageSize(1).build())))
                .as(Q3.says("pod count must apply the filters and ignore the page size")).isEqualTo(4);
        assertThat(declared(Capability.COUNT, Q3, () -> pods().count(PodQuery.builder().jobId("none").build()))).isZero();
    }
}
