package dev.hoheit.samples.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs the welcome (a real host would queue an e-mail). */
@Component
class LoggingWelcome implements Welcome {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingWelcome.class);

    @Override
    public void greet(String userId) {
        LOG.info("Welcome queued for user {}", userId);
    }
}
