package org.guichet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module: no cycles, and no reaching into another module's sub-packages. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(GuichetApplication.class).verify();
    }
}
