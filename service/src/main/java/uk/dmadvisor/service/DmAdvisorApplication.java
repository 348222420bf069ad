package uk.dmadvisor.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DmAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(DmAdvisorApplication.class, args);
    }
}
