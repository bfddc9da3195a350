package club.questmaster.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RedirectRulesTest {

    @Test
    void afterLoginOnlyAPathOfThisSiteIsFollowed() {
        assertEquals("/annonces/la-tour/", AuthPage.safeNext("/annonces/la-tour/"));
        assertNull(AuthPage.safeNext("https://evil.example/"));
        assertNull(AuthPage.safeNext("//evil.example/"));
        assertNull(AuthPage.safeNext("/\\evil.example"));
        assertNull(AuthPage.safeNext("/login/"), "never back to the login page itself");
        assertNull(AuthPage.safeNext(null));
    }

    @Test
    void theMonthGridStartsOnMondayAndCoversWholeWeeks() {
        CalendarPage.MonthGrid grid = CalendarPage.MonthGrid.of(YearMonth.of(2026, 12));
        assertEquals(DayOfWeek.MONDAY, grid.weeks().get(0).get(0).date().getDayOfWeek());
        assertEquals(5, grid.weeks().size(), "1 Dec 2026 is a Tuesday, 31 Dec a Thursday");
        assertEquals(30, grid.weeks().get(0).get(0).number(), "Monday 30 November leads the first week");
        grid.weeks().forEach(week -> assertEquals(7, week.size()));
    }

    @Test
    void aHandEditedPageNumberOrIdThatIsNotOneIsIgnored() {
        assertNull(BoardPage.id("abc"));
        assertNull(BoardPage.id("-3"));
        assertEquals(2L, BoardPage.id(" 2 "));
    }
}
