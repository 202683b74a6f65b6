module github.com/yunshi-dev/yunshi

go 1.24.0

require (
	github.com/go-ego/gse v0.80.3
	go.yaml.in/yaml/v3 v3.0.4
	golang.org/x/net v0.45.0
	golang.org/x/text v0.29.0
)

require github.com/vcaesar/cedar v0.20.2 // indirect

require github.com/6tail/lunar-go v1.4.6
