package club.questmaster.users;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.FoundationContractTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Contract §1 rules, against this service's real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UsersFoundationTest extends FoundationContractTest {
}
