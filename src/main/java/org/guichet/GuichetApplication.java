package org.guichet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class GuichetApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuichetApplication.class, args);
    }
}
