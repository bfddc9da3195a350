package club.questmaster.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void perPageIsClampedToOneHundredAndAtLeastOne() {
        assertEquals(100, PageRequest.of(1, 1000).perPage());
        assertEquals(1, PageRequest.of(1, 0).perPage());
        assertEquals(1, PageRequest.of(1, -5).perPage());
        assertEquals(20, PageRequest.of(null, null).perPage());
    }

    @Test
    void pageStartsAtOneAndGivesTheOffset() {
        assertEquals(1, PageRequest.of(0, 10).page());
        assertEquals(1, PageRequest.of(-3, 10).page());
        assertEquals(20, PageRequest.of(3, 10).offset());
    }

    @Test
    void aPageWhoseOffsetOverflowsIsAValidationErrorNamingPage() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.of(Integer.MAX_VALUE, 100));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("page", e.errors().get(0).field());
        assertThrows(ApiException.class, () -> PageRequest.parse("2147483647", "2"));
        assertEquals(Integer.MAX_VALUE - 1, PageRequest.of(Integer.MAX_VALUE, 1).offset());
        assertEquals(21474837, PageRequest.of(21474837, 100).page());
        assertThrows(ApiException.class, () -> PageRequest.of(21474838, 100));
    }

    @Test
    void resultCountsPagesRoundingUp() {
        PageResult<String> result = PageResult.of(List.of("a"), 41, PageRequest.of(5, 10));
        assertEquals(5, result.pages());
        assertEquals(0, PageResult.of(List.of(), 0, PageRequest.of(1, 10)).pages());
        assertEquals(List.of(1), PageResult.of(List.of("x"), 1, PageRequest.of(1, 10)).map(String::length).items());
    }
}
