/* The floor for issue 7's benchmark: libyaml alone scanning a file's events, nothing built.
 * Usage: yamlscan FILE [REPEAT]   (prints the event count; exits 1 on a parse error)
 * Build: cc -O2 -o yamlscan Scripts/bench/yamlscan.c -lyaml */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: yamlscan FILE [REPEAT]\n"); return 2; }
    int repeat = argc > 2 ? atoi(argv[2]) : 1;
    unsigned long events = 0;
    for (int r = 0; r < repeat; r++) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) { perror(argv[1]); return 2; }
        yaml_parser_t parser;
        yaml_event_t event;
        if (!yaml_parser_initialize(&parser)) { fclose(f); return 2; }
        yaml_parser_set_input_file(&parser, f);
        int done = 0;
        while (!done) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s:%zu:%zu: error: %s\n", argv[1], parser.problem_mark.line + 1,
                        parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
                yaml_parser_delete(&parser); fclose(f); return 1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            events++;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        fclose(f);
    }
    printf("%lu\n", events);
    return 0;
}
