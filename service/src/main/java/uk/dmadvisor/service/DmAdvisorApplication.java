package uk.dmadvisor.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DmAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(DmAdvisorApplication.class, args);
    }
}
